package fr.maillage.subscription.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** Resolves a host name to its addresses (the system resolver in production; a fixed table in tests). */
@FunctionalInterface
public interface HostResolver {

    InetAddress[] resolve(String host) throws UnknownHostException;

    /** The JVM's resolver. */
    static HostResolver system() {
        return InetAddress::getAllByName;
    }
}
