package org.mapiscope.analysis;

/**
 * Receives every reconstructed session once it is settled and every refused connect, as the {@link
 * Analyzer} reads them — for callers that replay the sessions (what-if) without the analysis
 * keeping them: the log is the only place sessions go.
 *
 * <p>When: a session when its Disconnect arrives (or its id is reused), sessions still open at each
 * {@link Analyzer#finish} call (with {@code end == null}); a refused connect when it is read. Calls
 * come from the threads feeding the analyzer, one server at a time per server but several servers
 * at once, so implementations must be thread-safe.
 */
public interface SessionLog {

  /** Keeps nothing: the analyzer's default. */
  SessionLog NONE =
      new SessionLog() {
        @Override
        public void session(ReconstructedSession session) {}

        @Override
        public void failedConnect(FailedConnect refused) {}
      };

  /** A session that ended, or was still open when the analysis finished. */
  void session(ReconstructedSession session);

  /** A connect the server refused (an RCA row), as it is read. */
  void failedConnect(FailedConnect refused);

  /**
   * One unmet session — a refused attempt stream, retries collapsed — once {@link Analyzer#finish}
   * has joined the RCA refusals and Event 9646 (reported again on every {@code finish} call).
   */
  default void refusal(RefusalStream stream) {}
}
