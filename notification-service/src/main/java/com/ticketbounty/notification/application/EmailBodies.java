package com.ticketbounty.notification.application;

/**
 * The two bodies of an e-mail.
 *
 * @param html for clients that render HTML
 * @param text for those that do not
 */
public record EmailBodies(String html, String text) {}
