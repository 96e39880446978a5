/**
 * The scale-out run (issue 14, must-show 2; the fault suite's fault 7): the whole system on a
 * 3-node RabbitMQ cluster under open-loop load through the gateway, one broker node stopped and
 * started again, then reconciled from the e-mail provider's journal. Run by {@code ./cluster.sh},
 * which starts and stops the cluster ({@code scripts/rabbitmq-cluster.sh}).
 */
@NullMarked
package com.ticketbounty.reliability.cluster;

import org.jspecify.annotations.NullMarked;
