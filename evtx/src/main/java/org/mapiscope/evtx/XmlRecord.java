package org.mapiscope.evtx;

/**
 * A record with its XML rendering ({@code <Event xmlns=…>} with System, EventData/UserData …).
 *
 * @param record the decoded record
 * @param xml the record as XML text, indented two spaces per level, without XML declaration
 */
public record XmlRecord(EventRecord record, String xml) {}
