package org.mapiscope.analysis;

import java.time.Duration;

/**
 * Every number the diagnosis compares against, with the reason for its value. docs/diagnosis.md
 * describes the rules that use them; change a value here and there together.
 */
public final class Thresholds {

  private Thresholds() {}

  /**
   * Connects of one client at most this far apart belong to one client start. Outlook opens its
   * handful of sessions within seconds of starting; two minutes also absorbs slow logons.
   * Rejections this close together form one burst of demand (docs/domain.md: demand = open +
   * rejected in the same burst).
   */
  public static final Duration START_GAP = Duration.ofMinutes(2);

  /**
   * A superseded session that ends sooner than this after the move was closed by its client (the
   * user shut the old Outlook), not reaped; with a 5-minute KeepAliveTime dead sessions end this
   * early too, but then they cannot pile up, so nothing is lost by not counting them.
   */
  public static final Duration CLEAN_CLOSE_WINDOW = Duration.ofMinutes(10);

  /**
   * "Ends about KeepAliveTime after" allows this much either way: RCA logs are written when the
   * store notices, and dead-peer detection adds probes × interval (10 s by default).
   */
  public static final Duration REAP_TOLERANCE = Duration.ofMinutes(10);

  /**
   * Held far beyond keepalive: a superseded session alive this many dead-peer times after the move
   * cannot be timing jitter; something answered the keepalive probes for the gone client.
   */
  public static final double HELD_FACTOR = 2.0;

  /**
   * A snapshot logon touched within this is in use: Outlook talks to each logon every few minutes
   * (notifications, sync), so 15 minutes of silence is the start of doubt.
   */
  public static final Duration RECENTLY_ACTIVE = Duration.ofMinutes(15);

  /**
   * A snapshot logon silent this long while the same user has fresh logons is a left-behind one
   * (docs/domain.md: old LastAccessTime beside fresh logons).
   */
  public static final Duration SNAPSHOT_STALE_IDLE = Duration.ofMinutes(30);

  /**
   * Stale sessions that make a finding: more than one Outlook start's handful (2–5) left behind.
   */
  public static final int DEAD_MIN_STALE = 4;

  /**
   * Addresses used on one day only; this many means roaming (VPN pool, DHCP, Wi-Fi), not a fixed
   * desk.
   */
  public static final int ROAMING_ONE_TIME_ADDRESSES = 3;

  /**
   * "A dozen or more, all recently active" from one machine (docs/domain.md) is more than Outlook's
   * handful.
   */
  public static final int HUNGRY_MIN_ACTIVE = 12;

  /**
   * Users behind one address with held sessions before the address is called a middlebox ("many
   * users").
   */
  public static final int MIDDLEBOX_MIN_USERS = 5;

  /**
   * Other mailboxes one account logs on to before it is a service account; a person opens a few
   * shared ones.
   */
  public static final int SERVICE_MIN_MAILBOXES = 10;

  /**
   * Share of the limit that counts as high concurrency (symptom without 9646; service steady load).
   */
  public static final double HIGH_WATER_FRACTION = 0.5;

  /**
   * Without refusals, leftover sessions make a finding only once the user's sessions pile up to
   * this share of the limit: a laptop that sleeps a few times a day leaves an Outlook's handful
   * each time for keepalive to reap, and that is keepalive doing its job; half the limit held is a
   * warning.
   */
  public static final double DEAD_WARNING_FRACTION = 0.5;

  /**
   * At most this share of stale sessions at a rejection still lets the demand count as legitimate.
   */
  public static final double LEGITIMATE_MAX_STALE_SHARE = 0.25;

  /**
   * Raised limits get this margin over the observed demand (docs/domain.md: a small stated margin).
   */
  public static final double RAISE_MARGIN_FRACTION = 0.10;

  /**
   * ...but at least this many sessions, so a small demand still has headroom for one more start.
   */
  public static final int RAISE_MARGIN_MIN = 2;

  /**
   * KB830829: raise an object cap only in small increments, "for example, only adjust the value by
   * 100".
   */
  public static final int OBJECT_LIMIT_STEP = 100;

  /** Evidence items per finding: enough to check the claim, few enough to read. */
  public static final int MAX_EVIDENCE_PER_FINDING = 5;

  /** Timeline points per user in the result; charts need no more, peaks are kept when thinning. */
  public static final int MAX_TIMELINE_POINTS = 240;

  /** Logon-snapshot captures kept per server and user (the fullest ones), bounding memory. */
  public static final int MAX_CAPTURES_PER_USER = 16;

  /** Rows kept per capture and user; a service account may hold hundreds of logons. */
  public static final int MAX_ROWS_PER_CAPTURE = 2_000;

  /**
   * Clients (address, program, mode) kept per user and server. Outlook on a desk, a phone and a
   * laptop is a handful; a VPN user gets a new address per connect, so over weeks of logs the least
   * recently used are folded into totals (docs/diagnosis.md, "Bounded memory").
   */
  public static final int MAX_TRACKED_CLIENTS = 16;

  /**
   * Client addresses kept per user and server for the one-day/many-day and lingering tallies; older
   * ones are folded.
   */
  public static final int MAX_TRACKED_ADDRESSES = 32;

  /** Distinct other mailboxes remembered per user; beyond this only the count grows. */
  public static final int MAX_TRACKED_MAILBOXES = 1_000;

  /**
   * A user holding this many sessions at once on a server starts to have their sessions recorded
   * ({@link SessionHistory}) so refusals can be joined to what the server held. Half the
   * service-session cap: no limit in use is lower, so every refusal finds its sessions recorded.
   */
  public static final int HISTORY_FLOOR = 8;

  /**
   * Sessions recorded per user and server; a service account opening thousands a day keeps the
   * latest.
   */
  public static final int MAX_HISTORY_SESSIONS = 50_000;

  /** Failed connects kept per user and server as points, to find those at the moment of a 9646. */
  public static final int MAX_FAILURE_POINTS = 50_000;

  /** Kinds of other failed connects (by status text) listed per user. */
  public static final int MAX_FAILURE_KINDS = 16;

  /**
   * Refusals of one user at most this far apart belong to one burst of unmet demand: a client
   * retries a refused connect within a minute or two (docs/domain.md: demand = open + attempts
   * refused in the same burst).
   */
  public static final Duration BURST_GAP = Duration.ofMinutes(2);

  /**
   * Within a burst, 9646 events this close together cannot be one client's retries: the most events
   * in any such window is the number of distinct refused attempts (9646 names no client). A client
   * retrying every minute is one attempt, not sixty; the window is shorter than a minute because
   * exported times are rounded to the second and retries drift (07:12:06, then 07:13:05).
   */
  public static final Duration RETRY_WINDOW = Duration.ofSeconds(45);

  /**
   * Clock skew allowed between the event log's 9646 and the RCA log's rows of the same server when
   * joining them (both are written by the same machine, but exports may round or shift times).
   */
  public static final Duration JOIN_SKEW = Duration.ofMinutes(2);

  /**
   * A connect that failed with a status naming no limit, logged this close to a 9646 of the same
   * user on the same server, was refused by the limit all the same (docs/domain.md): "a 9646 for
   * that user at that moment". Both are written by the same machine in the same instant.
   */
  public static final Duration SAME_MOMENT = Duration.ofSeconds(5);

  /**
   * A session id lower than this share of the highest id seen since the last restart means the
   * service started counting again: it restarted (ids only grow while it runs).
   */
  public static final double RESTART_ID_DROP = 0.5;

  /**
   * An id drop is a restart only after the server's log was silent this long: stopping and starting
   * the service takes longer, while another id space interleaved in the same log (another process
   * writing it) shows no silence.
   */
  public static final Duration RESTART_MIN_SILENCE = Duration.ofSeconds(30);

  /**
   * Ids below this are too small to tell a restart from a log that began with a few old sessions.
   */
  public static final long RESTART_MIN_ID = 20;

  /** Example references kept per kind of evidence and user. */
  public static final int REFS_PER_KIND = 3;

  /** The tolerance around a dead-peer time: at least {@link #REAP_TOLERANCE}, or a tenth of it. */
  public static long reapToleranceMs(long deadPeerMs) {
    return Math.max(REAP_TOLERANCE.toMillis(), deadPeerMs / 10);
  }

  /** The smallest limit covering {@code demand} plus the stated margin. */
  public static int raisedLimit(int demand) {
    int margin = Math.max(RAISE_MARGIN_MIN, (int) Math.ceil(demand * RAISE_MARGIN_FRACTION));
    return demand + margin;
  }
}
