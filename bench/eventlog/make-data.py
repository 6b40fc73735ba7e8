#!/usr/bin/env python3
"""Generates the event log benchmark inputs the way Windows writes them: a wevtutil RenderedXml
export (bare <Event> sequence, UTF-8, CRLF), an Event Viewer "Save as XML" export (<Events> root,
UTF-16LE with BOM) and an Event Viewer CSV export (Vista layout, multi-line quoted descriptions).
Mostly ordinary Application events of several providers; about 1 in 200 is a 9646.

usage: make-data.py DIR [XML_MB SAVED_MB CSV_MB]"""
import os
import sys
from datetime import datetime, timedelta, timezone

NS = "http://schemas.microsoft.com/win/2004/08/events/event"
START = datetime(2026, 11, 2, tzinfo=timezone.utc)
SERVERS = ["EX01.contoso.com", "EX02.contoso.com"]

# (provider, guid, event id, qualifiers, level, task, task name, data strings, message)
ORDINARY = [
    ("MSExchangeIS", None, 1000, 16384, 4, 1, "General", ["Mailbox Database {n}"],
     "Starting the Microsoft Exchange Information Store service.\n\nFor more information, see Help and Support."),
    ("MSExchange ADAccess", None, 2080, 16388, 4, 3, "Topology",
     ["MSExchangeIS", "{n}", "DC0{m}.contoso.com\tCDG 1 7 7 1 0 1 1 7 1"],
     "Process MSExchangeIS (PID={n}). Exchange Active Directory Provider has discovered the following servers:\n"
     "In-site:\nDC0{m}.contoso.com\tCDG 1 7 7 1 0 1 1 7 1\n Out-of-site:"),
    ("MSExchangeTransport", None, 1020, 49156, 3, 5, "SmtpReceive", ["Default EX0{m}", "10.0.{m}.{n}"],
     "The connection to 10.0.{m}.{n} was dropped by the remote host on receive connector Default EX0{m}."),
    ("ESE", None, 326, 0, 4, 1, "General", ["Microsoft.Exchange.Store.Worker", "{n}", "DB{m}: "],
     "Microsoft.Exchange.Store.Worker ({n}) DB{m}: The database engine attached a database (1, D:\\DB{m}\\DB{m}.edb)."),
    ("Microsoft-Windows-Security-SPP", "{E23B33B0-C8C9-472C-A5F9-F2BDFEA0F156}", 16384, 16384, 4, 0, "None",
     ["2126-11-02T08:00:00Z", "RulesEngine"],
     "Successfully scheduled Software Protection service for re-start at 2126-11-02T08:00:00Z. Reason: RulesEngine."),
    ("MSExchange RBAC", None, 6, 0, 4, 1, "RBAC", ["contoso.com/Users/svc-monitor", "Get-MailboxDatabase"],
     "(Process w3wp.exe, PID {n}) Cmdlet Get-MailboxDatabase executed by contoso.com/Users/svc-monitor."),
    ("MSExchangeRepl", None, 4114, 16388, 4, 1, "Service",
     ["DB{m}\\EX0{m}", "{n}"], "Database redundancy health check passed.\nDatabase copy: DB{m}\nRedundancy count: 2"),
]


def dn(i):
    return f"/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=user{i % 3000:04d}"


def limit_message(i):
    if i % 3 == 0:
        return f'Closing Mapi session "{dn(i)}" because it exceeded the maximum of 32 objects of type "session".'
    return f'Mapi session "{dn(i)}" exceeded the maximum of 500 objects of type "objtFolder".'


def esc(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def fill(template, i):
    return template.replace("{n}", str(1000 + i % 60000)).replace("{m}", str(i % 4 + 1))


def xml_event(i, t):
    server = SERVERS[i % len(SERVERS)]
    stamp = t.strftime("%Y-%m-%dT%H:%M:%S.%f") + "0Z"
    if i % 200 == 7:
        provider, guid, eid, qual, level, task, task_name = "MSExchangeIS", None, 9646, 49158, 2, 6, "General"
        data = [dn(i), "32", "session"] if i % 3 == 0 else [dn(i), "500", "objtFolder"]
        message, level_name = limit_message(i), "Error"
    else:
        provider, guid, eid, qual, level, task, task_name, data, message = ORDINARY[i % len(ORDINARY)]
        data = [fill(d, i) for d in data]
        message, level_name = fill(message, i), {2: "Error", 3: "Warning", 4: "Information"}[level]
    guid_attr = f" Guid='{guid}'" if guid else ""
    source_attr = f" EventSourceName='{provider}'" if guid else ""
    qual_attr = f" Qualifiers='{qual}'" if not guid else ""
    body = "".join(f"<Data>{esc(d)}</Data>" for d in data)
    return (f"<Event xmlns='{NS}'><System><Provider Name='{provider}'{guid_attr}{source_attr}/>"
            f"<EventID{qual_attr}>{eid}</EventID><Version>0</Version><Level>{level}</Level><Task>{task}</Task>"
            f"<Opcode>0</Opcode><Keywords>0x80000000000000</Keywords><TimeCreated SystemTime='{stamp}'/>"
            f"<EventRecordID>{i}</EventRecordID><Correlation/><Execution ProcessID='{2000 + i % 50}' ThreadID='0'/>"
            f"<Channel>Application</Channel><Computer>{server}</Computer><Security/></System>"
            f"<EventData>{body}<Binary></Binary></EventData><RenderingInfo Culture='en-US'>"
            f"<Message>{esc(message)}</Message><Level>{level_name}</Level><Task>{task_name}</Task>"
            f"<Opcode>Info</Opcode><Channel>Application</Channel><Provider>{provider}</Provider>"
            f"<Keywords><Keyword>Classic</Keyword></Keywords></RenderingInfo></Event>")


def csv_row(i, t):
    local = t.astimezone(timezone.utc)
    hour = local.hour % 12 or 12
    stamp = f"{local.month}/{local.day}/{local.year} {hour}:{local.minute:02d}:{local.second:02d} {'AM' if local.hour < 12 else 'PM'}"
    if i % 200 == 7:
        source, eid, level, task, message = "MSExchangeIS", 9646, "Error", "General", limit_message(i)
    else:
        source, _, eid, _, lvl, _, task, _, message = ORDINARY[i % len(ORDINARY)]
        message, level = fill(message, i), {2: "Error", 3: "Warning", 4: "Information"}[lvl]
    message = message.replace("\n", "\r\n").replace('"', '""')
    return f'{level},{stamp},{source},{eid},{task},"{message}"\r\n'


def write(path, size_mb, encoding, head, make, sep, tail):
    limit, written, i = size_mb << 20, 0, 1
    factor = 2 if encoding.startswith("utf-16") else 1
    with open(path, "wb") as out:
        out.write(head.encode(encoding))
        while written < limit:
            chunk = "".join(make(i + k, START + timedelta(seconds=(i + k) * 2)) + sep for k in range(2000))
            data = chunk.encode(encoding)
            out.write(data)
            written += len(data)
            i += 2000
        out.write(tail.encode(encoding))
    print(f"{path}: {os.path.getsize(path) / 1048576:.0f} MB, {i - 1} events")


def main():
    folder = sys.argv[1]
    xml_mb, saved_mb, csv_mb = (int(a) for a in (sys.argv[2:5] if len(sys.argv) >= 5 else (1024, 1024, 512)))
    os.makedirs(folder, exist_ok=True)
    write(os.path.join(folder, "Application-rendered.xml"), xml_mb, "utf-8", "", xml_event, "\r\n", "")
    write(os.path.join(folder, "Application-saved.xml"), saved_mb, "utf-16-le",
          '\ufeff<?xml version="1.0" encoding="UTF-16"?>\r\n<Events>\r\n', xml_event, "\r\n", "</Events>\r\n")
    write(os.path.join(folder, "Application.csv"), csv_mb, "utf-8",
          "\ufeffLevel,Date and Time,Source,Event ID,Task Category\r\n", csv_row, "", "")


if __name__ == "__main__":
    main()
