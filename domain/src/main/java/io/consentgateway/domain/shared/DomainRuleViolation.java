package io.consentgateway.domain.shared;

/**
 * A state transition that a rule of the model forbids, e.g. "flow already completed".
 * The message names the rule; it never contains a token, a code or any other secret.
 */
public class DomainRuleViolation extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DomainRuleViolation(String rule) {
        super(rule);
    }
}
