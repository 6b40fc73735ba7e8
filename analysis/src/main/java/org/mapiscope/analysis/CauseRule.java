package org.mapiscope.analysis;

import java.util.Optional;
import org.mapiscope.model.Cause;

/**
 * One cause's signature (docs/domain.md) as a rule over one user's facts; thresholds in {@link
 * Thresholds}.
 */
interface CauseRule {

  Cause cause();

  /** The finding when the user's evidence carries this cause's signature. */
  Optional<Finding> apply(UserFacts user, RuleContext context);
}
