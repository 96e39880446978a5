/** Authors' usernames from service-web's read model of accounts. */
@NullMarked
package com.ticketbounty.comment.adapter.out.accounts;

import org.jspecify.annotations.NullMarked;
