/** The HTTP API of comments (API.md "Comments"), answering errors as problem details. */
@NullMarked
package com.ticketbounty.comment.adapter.in.web;

import org.jspecify.annotations.NullMarked;
