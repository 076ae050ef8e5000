package io.consentgateway.domain.consent;

import io.consentgateway.domain.shared.DomainRuleViolation;

/** The consent cannot serve data in its current status; carries that status and what the user should do. */
public class ConsentNotUsable extends DomainRuleViolation {
    private static final long serialVersionUID = 1L;

    private final ConsentStatus status;
    private final NextAction nextAction;

    public ConsentNotUsable(ConsentStatus status, NextAction nextAction) {
        super("consent is " + status + ", next action " + nextAction);
        this.status = status;
        this.nextAction = nextAction;
    }

    public ConsentStatus status() {
        return status;
    }

    public NextAction nextAction() {
        return nextAction;
    }
}
