package org.mapiscope.analysis;

import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * Server keys that stand for the same server, resolved when the analysis concludes. RCA logs name only
 * the server's address (server-ip) when no folder names the server, while its event logs (Computer) and
 * registry export (Hostname) name it: when the evidence names exactly one server, its address keys and
 * unnamed evidence are that server. With several named servers nothing says which address is which, so
 * addresses stay servers of their own (docs/diagnosis.md, "Server identity").
 */
final class ServerAliases {

    /** The one server the evidence names, or {@code null} when it names none or several. */
    private final String named;

    private ServerAliases(String named) {
        this.named = named;
    }

    /** From every server key the evidence produced ({@link ServerNames#UNKNOWN} included or not). */
    static ServerAliases of(Collection<String> keys) {
        Set<String> names = new TreeSet<>();
        for (String key : keys) {
            if (ServerNames.isKnown(key) && !ServerNames.isAddress(key)) {
                names.add(key);
            }
        }
        return new ServerAliases(names.size() == 1 ? names.iterator().next() : null);
    }

    /** The key evidence under {@code key} counts for. */
    String canonical(String key) {
        return named != null && (!ServerNames.isKnown(key) || ServerNames.isAddress(key)) ? named : key;
    }

    /** Whether {@code key} is another key's alias rather than a server of its own. */
    boolean isAlias(String key) {
        return !canonical(key).equals(key);
    }
}
