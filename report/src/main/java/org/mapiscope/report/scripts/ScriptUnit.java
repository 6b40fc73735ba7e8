package org.mapiscope.report.scripts;

import java.util.List;
import org.mapiscope.analysis.FixChange;

/**
 * One numbered script with its rollback.
 *
 * @param number position in the expert's order, starting at 1
 * @param title what it does, one line
 * @param where where to run it: a server, "every affected server", or "Exchange Management Shell"
 * @param script file name of the change
 * @param rollback file name of the script that undoes it
 * @param restart what must be restarted for it to take effect, in words
 * @param verify commands that show the change took effect
 * @param changes the prescribed changes it carries
 */
public record ScriptUnit(
    int number,
    String title,
    String where,
    String script,
    String rollback,
    String restart,
    List<String> verify,
    List<FixChange> changes) {

  public ScriptUnit {
    verify = List.copyOf(verify);
    changes = List.copyOf(changes);
  }
}
