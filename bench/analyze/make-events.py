#!/usr/bin/env python3
"""Writes a wevtutil-style Application log export (bare <Event> sequence, RenderedXml) of the given
size in MB: mostly ordinary events, with Event 9646 for a rotating set of users, so analyze reads
event exports beside the RCA logs at a realistic mix."""
import sys
from datetime import datetime, timedelta, timezone

path, size_mb, servers = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]) if len(sys.argv) > 3 else 4
limit = size_mb << 20
start = datetime(2026, 11, 2, tzinfo=timezone.utc)
ns = "http://schemas.microsoft.com/win/2004/08/events/event"

def event(i, t):
    server = f"EX{i % servers + 1:02d}.contoso.com"
    stamp = t.strftime("%Y-%m-%dT%H:%M:%S.%f") + "0Z"
    if i % 10 == 0:
        user = f"user{(i // 10) % 5000:04d}"
        dn = f"/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn={user}"
        return (f'<Event xmlns="{ns}"><System><Provider Name="MSExchangeIS"/>'
                f'<EventID Qualifiers="49158">9646</EventID><Level>2</Level><Task>6</Task>'
                f'<Keywords>0x80000000000000</Keywords><TimeCreated SystemTime="{stamp}"/>'
                f'<EventRecordID>{i}</EventRecordID><Channel>Application</Channel><Computer>{server}</Computer>'
                f'<Security/></System><EventData><Data>{dn}</Data><Data>32</Data><Data>session</Data>'
                f'<Binary>5B444941475F4354585D00</Binary></EventData><RenderingInfo Culture="en-US">'
                f'<Message>Mapi session "{dn}" exceeded the maximum of 32 objects of type "session".</Message>'
                f'<Level>Error</Level><Task>General</Task></RenderingInfo></Event>\n')
    return (f'<Event xmlns="{ns}"><System><Provider Name="MSExchangeIS Mailbox Store"/>'
            f'<EventID Qualifiers="16390">1221</EventID><Level>4</Level><Task>6</Task>'
            f'<Keywords>0x80000000000000</Keywords><TimeCreated SystemTime="{stamp}"/>'
            f'<EventRecordID>{i}</EventRecordID><Channel>Application</Channel><Computer>{server}</Computer>'
            f'<Security/></System><EventData><Data>Mailbox Database {i % 7}</Data><Data>{i % 900}</Data>'
            f'</EventData></Event>\n')

written, i = 0, 1
with open(path, "w", encoding="utf-8", newline="\n") as out:
    while written < limit:
        chunk = "".join(event(i + k, start + timedelta(seconds=(i + k) * 3)) for k in range(1000))
        out.write(chunk)
        written += len(chunk)
        i += 1000
