package com.ticketbounty.identity.application;

import com.ticketbounty.identity.application.AccessTokens.AccessToken;
import com.ticketbounty.identity.domain.SecretToken;
import com.ticketbounty.identity.domain.User;

/**
 * What a caller gets on signing up, in or refreshing: the account, an access token and the
 * session's next refresh token.
 */
public record SignedIn(User user, AccessToken accessToken, SecretToken refreshToken) {}
