package io.consentgateway.adapter.out.fixtureb;

/** Test fixture: the adapter {@code fixturea} wrongly depends on. */
public class AdapterB {
}
