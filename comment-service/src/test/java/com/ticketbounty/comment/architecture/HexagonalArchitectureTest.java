package com.ticketbounty.comment.architecture;

import com.ticketbounty.testsupport.arch.HexagonalArchitectureContract;

/**
 * comment-service keeps the hexagonal layout of DESIGN.md §2; the fixtures are in {@code
 * archfixture}.
 */
class HexagonalArchitectureTest extends HexagonalArchitectureContract {
  HexagonalArchitectureTest() {
    super("com.ticketbounty.comment");
  }
}
