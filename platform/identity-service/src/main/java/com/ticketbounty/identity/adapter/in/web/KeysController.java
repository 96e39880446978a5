package com.ticketbounty.identity.adapter.in.web;

import com.ticketbounty.identity.application.RotateSigningKey;
import com.ticketbounty.identity.application.ShowPublicKeys;
import com.ticketbounty.serviceweb.security.AdminCaller;
import java.time.Duration;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The public keys (JWKS) and their rotation. The rotation is internal (the gateway never routes
 * {@code /internal/**}) and for an ADMIN only, which its {@link AdminCaller} argument decides.
 */
@RestController
class KeysController {
  // Short, so that a verifier that caches the set sees a rotated key soon; verifiers also refetch
  // on an unknown kid.
  private static final Duration CACHE_FOR = Duration.ofMinutes(1);

  private final ShowPublicKeys showPublicKeys;
  private final RotateSigningKey rotateSigningKey;

  KeysController(ShowPublicKeys showPublicKeys, RotateSigningKey rotateSigningKey) {
    this.showPublicKeys = showPublicKeys;
    this.rotateSigningKey = rotateSigningKey;
  }

  @GetMapping("/.well-known/jwks.json")
  Mono<ResponseEntity<Map<String, Object>>> jwks() {
    return showPublicKeys
        .show()
        .map(
            keys ->
                ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_JSON)
                    .cacheControl(CacheControl.maxAge(CACHE_FOR).cachePublic())
                    .body(keys));
  }

  @PostMapping("/internal/identity/signing-keys/rotate")
  Mono<Rotated> rotate(AdminCaller admin, ServerHttpRequest request) {
    return rotateSigningKey
        .rotate(admin.caller().userId(), ClientAddress.of(request))
        .map(Rotated::new);
  }

  /** The id of the key that signs from now on. */
  record Rotated(String kid) {}
}
