package com.ticketbounty.bench;

import java.util.List;

/**
 * Scenario 5's offered rates (requests/s): tickets opened through the gateway, and ticket-list
 * reads (each rate through the gateway and from ticket-service directly).
 */
public record SystemRates(List<Double> tickets, List<Double> reads) {}
