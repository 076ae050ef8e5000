package io.consentgateway.domain.flow;

import io.consentgateway.domain.shared.DomainRuleViolation;

/** A callback that does not belong to the flow it names: wrong state or a different provider flow id. */
public class CallbackMismatch extends DomainRuleViolation {
    private static final long serialVersionUID = 1L;

    public CallbackMismatch(String rule) {
        super(rule);
    }
}
