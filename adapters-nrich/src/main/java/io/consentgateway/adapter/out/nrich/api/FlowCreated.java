package io.consentgateway.adapter.out.nrich.api;

import jakarta.json.bind.annotation.JsonbProperty;

/** nrich's 201 answer to a flow initiation: where to send the user, and the flow id. */
public record FlowCreated(@JsonbProperty("location") String location, @JsonbProperty("id") String id) {
}
