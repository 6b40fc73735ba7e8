package org.mapiscope.evtx;

/** A damaged spot found while decoding, delivered to the {@link DamageListener} in file order. */
record Damage(long fileOffset, String message) {}
