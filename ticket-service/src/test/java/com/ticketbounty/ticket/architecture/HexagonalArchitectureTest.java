package com.ticketbounty.ticket.architecture;

import com.ticketbounty.testsupport.arch.HexagonalArchitectureContract;

/**
 * ticket-service keeps the hexagonal layout of DESIGN.md §2; the fixtures are in {@code
 * archfixture}.
 */
class HexagonalArchitectureTest extends HexagonalArchitectureContract {
  HexagonalArchitectureTest() {
    super("com.ticketbounty.ticket");
  }
}
