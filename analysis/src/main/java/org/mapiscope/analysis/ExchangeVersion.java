package org.mapiscope.analysis;

/**
 * The Exchange generation the remedies are written for. Only the differences that change a remedy
 * are modelled: 2003 (KB324270 keepalive, permission exemption, registry limit), 2007 (registry
 * limit, server-wide), 2010 and 2013+ (throttling policies per account).
 */
public enum ExchangeVersion {
  EX2003("2003"),
  EX2007("2007"),
  EX2010("2010"),
  EX2013_PLUS("2013+");

  private final String label;

  ExchangeVersion(String label) {
    this.label = label;
  }

  /** How the report names it: {@code 2003}, {@code 2007}, {@code 2010}, {@code 2013+}. */
  public String label() {
    return label;
  }

  /** 2010 and later limit RPC Client Access per account through throttling policies. */
  public boolean hasThrottlingPolicies() {
    return this == EX2010 || this == EX2013_PLUS;
  }
}
