package com.medicarewizard.domain.notification;

/**
 * How an outcome reaches the world: the patient's e-mail and SMS, and the domain event other
 * systems subscribe to. Each is sent at most once per outcome, tracked by its own marker.
 */
public enum Channel {
    EMAIL, SMS, EVENT
}
