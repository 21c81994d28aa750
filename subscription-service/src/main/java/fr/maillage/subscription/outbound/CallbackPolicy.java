package fr.maillage.subscription.outbound;

import java.net.URI;

/**
 * Whether a callback URL may be used: https, and every address its host resolves to is public (not
 * loopback, private, link-local, multicast…); loopback only where configuration allows it (local stack,
 * tests). Implemented in this package.
 */
public interface CallbackPolicy {

    /** @throws CallbackRefused when it may not */
    void check(URI callback);
}
