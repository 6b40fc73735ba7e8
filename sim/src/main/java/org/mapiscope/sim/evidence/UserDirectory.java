package org.mapiscope.sim.evidence;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import org.mapiscope.sim.scenario.Population;
import org.mapiscope.sim.scenario.Scenario;

/**
 * The account names of a simulated organisation (Contoso): first initial + surname for people
 * ({@code jsmith}, then {@code jsmith2} on a clash), {@code svc-<population>} for service accounts,
 * all fixed by the scenario's seed. Also the mailboxes service accounts serve. Exchange 2013 and
 * later name recipients {@code cn=<32 hex>-<alias>} in their legacyExchangeDNs; {@link #dnOf} does
 * so when the scenario's server is one. Immutable.
 */
public final class UserDirectory {

  /** The organisation and administrative group of Exchange 2007/2010 legacyExchangeDNs. */
  public static final String ORG_DN_PREFIX =
      "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=";

  public static final String DNS_DOMAIN = "contoso.com";

  private static final String[] SURNAMES = {
    "smith", "johnson", "williams", "brown", "jones", "garcia", "miller", "davis", "martin",
        "lopez",
    "wilson", "anderson", "thomas", "taylor", "moore", "jackson", "white", "harris", "clark",
        "lewis",
    "walker", "hall", "allen", "young", "king", "wright", "scott", "green", "baker", "adams",
    "nelson", "hill", "campbell", "mitchell", "roberts", "carter", "phillips", "evans", "turner",
        "torres",
    "parker", "collins", "edwards", "stewart", "morris", "murphy", "cook", "rogers", "morgan",
        "peterson",
    "cooper", "reed", "bailey", "bell", "kelly", "howard", "ward", "cox", "richardson", "wood",
    "watson", "brooks", "bennett", "gray", "james", "hughes", "price", "sanders", "myers", "long",
    "ross", "foster", "powell", "jenkins", "perry", "russell", "sullivan", "fisher", "hayes",
        "meyer",
    "schulz", "weber", "wagner", "becker", "hoffmann", "dubois", "moreau", "laurent", "rossi",
        "ferrari",
  };

  private final List<String> users;
  private final List<String> mailboxes;
  private final int[] firstMailboxOfPopulation;
  private final boolean hexNames;
  private final long seed;

  /** Key → index among users, then mailboxes (for SIDs and databases). */
  private final Map<String, Integer> index = new HashMap<>();

  private UserDirectory(
      List<String> users,
      List<String> mailboxes,
      int[] firstMailboxOfPopulation,
      boolean hexNames,
      long seed) {
    this.users = users;
    this.mailboxes = mailboxes;
    this.firstMailboxOfPopulation = firstMailboxOfPopulation;
    this.hexNames = hexNames;
    this.seed = seed;
    for (String u : users) {
      index.put(u, index.size());
    }
    for (String m : mailboxes) {
      index.put(m, index.size());
    }
  }

  /**
   * Names every user of the scenario, in the engine's user order, and the service accounts'
   * mailboxes.
   */
  public static UserDirectory of(Scenario scenario) {
    SplittableRandom rng = new SplittableRandom(scenario.seed() ^ 0x5DEECE66DL);
    Set<String> taken = new HashSet<>();
    List<String> users = new ArrayList<>();
    List<String> mailboxes = new ArrayList<>();
    int[] firstMailbox = new int[scenario.populations().size()];
    int p = 0;
    for (Population pop : scenario.populations()) {
      for (int i = 0; i < pop.users(); i++) {
        users.add(
            pop.kind() == Population.Kind.SERVICE_ACCOUNT
                ? unique(serviceName(pop, i), taken)
                : unique(personName(rng), taken));
      }
      firstMailbox[p++] = mailboxes.size();
      for (int i = 0; i < pop.mailboxes(); i++) {
        mailboxes.add(unique(personName(rng), taken));
      }
    }
    return new UserDirectory(
        List.copyOf(users),
        List.copyOf(mailboxes),
        firstMailbox,
        scenario.server().exchangeVersion() >= 2013,
        scenario.seed());
  }

  /** The user key (docs/domain.md) of the engine's user index. */
  public String userKey(int user) {
    return users.get(user);
  }

  /** All user keys in the engine's user order. */
  public List<String> userKeys() {
    return users;
  }

  /** The Exchange 2007/2010 legacyExchangeDN of an account or mailbox key. */
  public static String dn(String key) {
    return ORG_DN_PREFIX + key;
  }

  /**
   * The legacyExchangeDN the scenario's server gives the key: {@link #dn} on 2010, and on 2013+ the
   * {@code cn=<32 hex>-<alias>} form (the hex fixed by seed and key, as the object's GUID fixes
   * it).
   */
  public String dnOf(String key) {
    if (!hexNames) {
      return dn(key);
    }
    String hex =
        UUID.nameUUIDFromBytes((seed + "/" + key).getBytes(StandardCharsets.UTF_8))
            .toString()
            .replace("-", "");
    return ORG_DN_PREFIX + hex + "-" + key;
  }

  /** Index of a user or mailbox key: users in engine order, then the served mailboxes. */
  int indexOf(String key) {
    return index.getOrDefault(key, 0);
  }

  /** Number of users (accounts) of the scenario. */
  int userCount() {
    return users.size();
  }

  /** The n-th mailbox (cycling) that a service-account population serves. */
  String mailboxOf(int population, int served, long n) {
    return mailboxes.get(firstMailboxOfPopulation[population] + (int) (n % served));
  }

  private static String personName(SplittableRandom rng) {
    char initial = (char) ('a' + rng.nextInt(26));
    return initial + SURNAMES[rng.nextInt(SURNAMES.length)];
  }

  private static String serviceName(Population pop, int i) {
    String base = "svc-" + pop.name().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "");
    return i == 0 ? base : base + (i + 1);
  }

  private static String unique(String name, Set<String> taken) {
    String candidate = name;
    for (int n = 2; !taken.add(candidate); n++) {
      candidate = name + n;
    }
    return candidate;
  }
}
