#!/usr/bin/env python3
"""Writes the evidence files of the real-shaped fixture corpus (../<case>/evidence/).

Why a script: some cases need hundreds of regular rows (three days of Outlook starts, 60 retries,
32 BlackBerry sessions). Writing them by hand invites arithmetic slips, so this script writes the
long regular stretches. It does NOT use any mapiscope code (no simulator, no emitter): every row
template below is written out here from a documented real row, and each template names its source.
The READMEs and expected.json files are written by hand; the numbers in them were derived by hand
from the scenario described in each README and cross-checked with `--facts` (a plain interval
sweep over the scenario below, not over the files and not with mapiscope).

Run:  python3 make_fixtures.py            (rewrites every case's evidence/ folder)
      python3 make_fixtures.py --facts    (also prints per-user peaks, events and demand)

Sources of the row shapes (full list in ../README.md):
  [RCA2010]  msxfaq.de "CAS-Logging" (https://www.msxfaq.de/exchange/e2010/caslogging.htm): the
             17-field Exchange 2010 list, daily RCA_yyyymmdd-N.LOG files.
  [ROP]      learn.microsoft.com archive blog mahuynh "Enable ROP logging in Exchange 2010 and 2013":
             the 23-field #Fields line, a non-Connect row whose client-ip/server-ip are empty,
             processing-time as 00:00:00.0150000, the budget snapshot "BS=... Conn:7 MaxConn:40".
  [Q303395]  learn.microsoft.com Q&A 303395 "RPC client access logs (mapihttp)": a verbatim 2016
             MapiHttp Connect with client-connection-info, server-ip ::1, request-ids, session-cookie,
             "1010 (rpc::LoginPerm)", "SID=..., Flags=None", "RpcDispatch: [LoginPermException] ...",
             activity-context-data, client-name cn=<32 hex>-alias.
  [PLS]      decompiled Microsoft.Exchange.RpcClientAccess.Diagnostics.ProtocolLogSession (public
             decompiled-source repositories): operation names Connect / Disconnect / NetworkRundown /
             <type>Logon / <type>Logoff, "Logon: {type}, {legacyDN} in database {db} last mounted on
             {fqdn}" + "; LogonId: n", record- vs session-scoped fields, rpc-status "{code} (rpc::{name})",
             performance-data on Disconnect, client-software "Microsoft.Exchange.RpcClientAccess.Monitoring.dll".
  [KB980049] Event 9646 XML (Provider MSExchangeIS, EventID Qualifiers 49158, Level 2, Task 6,
             Keywords 0x80000000000000, three <Data>, <Binary> starting [DIAG_CTX]).
  [KB842022] / [STOKES] 9646 wording, 32 sessions, 2 h keepalive story.
  [MSXFAQ9646] msxfaq.de "Event 9646": the German event text.
  [TECHGENIX] "Mapi session "<guid>: /O=.../cn=John" exceeded the maximum of 32 objects of type "session"." (2010)
"""
import datetime as dt
import hashlib
import os
import random
import shutil
import sys
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CRLF = "\r\n"
FACTS = "--facts" in sys.argv


def guid(seed):
    return str(uuid.UUID(bytes=hashlib.md5(seed.encode()).digest(), version=4))


def hex32(seed):
    return hashlib.md5(seed.encode()).hexdigest()


def sid(seed):
    n = int(hashlib.md5(seed.encode()).hexdigest()[:6], 16) % 9000 + 1100
    return f"S-1-5-21-3194720415-2736508419-1852209117-{n}"


def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%S.") + f"{t.microsecond // 1000:03d}Z"


def at(day, hms, ms=0):
    h, m, s = (int(x) for x in hms.split(":"))
    return dt.datetime(day.year, day.month, day.day, h, m, s, ms * 1000)


def span(ms):
    """processing-time as RCA writes it (TimeSpan), e.g. 00:00:00.0150000 [ROP][Q303395]."""
    return f"00:00:{ms // 1000:02d}.{(ms % 1000) * 10000:07d}"


def csv_field(v):
    v = "" if v is None else str(v)
    if any(c in v for c in ',"\r\n'):
        return '"' + v.replace('"', '""') + '"'
    return v


def write(path, text, encoding="utf-8", bom=False):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    data = text.encode(encoding)
    if bom and encoding == "utf-8":
        data = b"\xef\xbb\xbf" + data
    if bom and encoding == "utf-16-le":
        data = b"\xff\xfe" + data
    with open(path, "wb") as f:
        f.write(data)


# ------------------------------------------------------------------ RCA logs

F2010 = ("date-time,session-id,seq-number,client-name,organization-info,client-software,"
         "client-software-version,client-mode,client-ip,server-ip,protocol,application-id,operation,"
         "rpc-status,processing-time,operation-specific,failures")  # [RCA2010]
F2013 = ("date-time,session-id,seq-number,client-name,organization-info,client-software,"
         "client-software-version,client-mode,client-ip,client-connection-info,server-ip,protocol,"
         "application-id,request-ids,session-cookie,operation,rpc-status,processing-time,"
         "operation-specific,failures,performance-data,activity-context-data,user-email")  # [ROP]
F2016 = F2013 + ",passport-unique-id"  # 24th field of the decompiled Field enum [PLS]

PERCENTILES = (20, 40, 60, 80, 90, 95, 99, 100)


class RcaLog:
    """Rows of one server's RCA log, written in time order into daily or hourly files."""

    def __init__(self, fields, software, version, server_ip, first_id, fqdn, db, rng):
        self.fields = fields.split(",")
        self.software = software
        self.version = version
        self.server_ip = server_ip
        self.first_id = first_id
        self.next_id = 0  # internal key; ids as logged are given in time order when written
        self.fqdn = fqdn
        self.db = db
        self.rng = rng
        self.rows = []  # (time, tiebreak, dict | "HEADER")
        self.sessions = []  # model for --facts: (user, start, end or None, ip)
        self.n = 0

    def new_id(self):
        i = self.next_id
        self.next_id += 1
        return i

    def add(self, t, row):
        self.n += 1
        self.rows.append((t, self.n, row))

    def restart(self, t, first_id):
        """MSExchangeRPC restarts: a header block again, ids start again; open sessions end silently."""
        self.add(t, ("HEADER", first_id))

    def http(self):
        return "client-connection-info" in self.fields  # 2013+ layout

    # -- sessions

    def session(self, user, dn, ip, t, software="OUTLOOK.EXE", version="14.0.7015.1000", mode="Cached",
                protocol="ncacn_ip_tcp", logon="Owner", mailbox_dn=None, email=None, track=True):
        s = {"id": self.new_id(), "seq": 0, "user": user, "dn": dn, "ip": ip, "software": software,
             "version": version, "mode": mode, "protocol": protocol, "email": email or "",
             "cookie": "C:MAPIAAAAA" + hashlib.sha1(f"{user}{t}{ip}".encode()).hexdigest()[:40],
             "req": 0, "track": track, "start": t}
        self.connect(s, t)
        if logon:
            self.logon(s, t + dt.timedelta(milliseconds=self.rng.randint(30, 140)), logon, mailbox_dn or dn)
        return s

    def base(self, s):
        """Session-scoped fields repeat on every row of the session [PLS]."""
        r = {"session-id": s["id"], "client-name": s["dn"], "client-software": s["software"],
             "client-software-version": s["version"], "client-mode": s["mode"], "protocol": s["protocol"],
             "user-email": s["email"]}
        if "request-ids" in self.fields:
            s["req"] += 1
            r["request-ids"] = f"R:{{{guid(s['cookie'] + str(s['req'])).upper()}}}:{s['req']}|A:{guid(s['cookie'])}|FE:{self.fqdn}"
            r["session-cookie"] = s["cookie"]
        return r

    def seq(self, s):
        v = s["seq"]
        s["seq"] += 1
        return v

    def connect(self, s, t, status="0", failures="", cci_attempts=1):
        r = self.base(s)
        # client-ip, server-ip (and client-connection-info) are record-scoped: Connect row only [ROP][PLS]
        r.update({"date-time": iso(t), "seq-number": self.seq(s), "client-ip": s["ip"],
                  "server-ip": self.server_ip, "operation": "Connect", "rpc-status": status,
                  "processing-time": span(self.rng.randint(0, 31)),
                  "operation-specific": f"SID={sid(s['user'])}, Flags=None", "failures": failures})
        if "client-connection-info" in self.fields:
            r["client-connection-info"] = (f"Connection Info[GUID:{guid(s['cookie'] + 'cci')}, "
                                           f"Attempts:{cci_attempts}, Flags:0, Ctx:]")
            r["activity-context-data"] = self.activity(s)
        self.add(t, r)

    def activity(self, s):
        # shape of [Q303395]'s activity-context-data, shortened
        return (f"S:ActivityStandardMetadata.UserId=ADGuid:{guid(s['user'] + 'ad')};"
                f"S:ActivityStandardMetadata.Puid=;S:ActivityStandardMetadata.UserEmail={s['email']};"
                f"S:ActivityStandardMetadata.Component=RCA/Mailbox;S:WLM.BT=Rca;"
                f"S:ActivityStandardMetadata.Protocol=RPC/{s['protocol']};"
                f"S:ActivityStandardMetadata.ClientInfo={s['software']}/{s['version']}")

    def logon(self, s, t, kind, mailbox_dn, logon_id=None):
        r = self.base(s)
        lid = logon_id if logon_id is not None else s.get("logons", 0)
        s["logons"] = lid + 1
        where = f" last mounted on {self.fqdn}" if self.http() else ""
        r.update({"date-time": iso(t), "seq-number": self.seq(s), "operation": f"{kind}Logon",
                  "rpc-status": "0", "processing-time": span(self.rng.randint(15, 94)),
                  "operation-specific": f"Logon: {kind}, {mailbox_dn} in database {self.db}{where}; LogonId: {lid}"})
        if self.http():
            r["activity-context-data"] = self.activity(s)
        self.add(t, r)

    def logoff(self, s, t, kind="Owner", logon_id=0):
        """`<type>Logoff` row: LogLogoff writes the operation and "LogonId: n" [PLS]."""
        r = self.base(s)
        r.update({"date-time": iso(t), "seq-number": self.seq(s), "operation": f"{kind}Logoff", "rpc-status": "0",
                  "processing-time": span(self.rng.randint(0, 15)), "operation-specific": f"LogonId: {logon_id}"})
        self.add(t, r)

    def end(self, s, t, how="Disconnect"):
        """Disconnect (client closed) or NetworkRundown (server reaped a dead connection) [PLS]."""
        r = self.base(s)
        r.update({"date-time": iso(t), "seq-number": self.seq(s), "operation": how, "rpc-status": "0",
                  "processing-time": span(0)})
        if "performance-data" in self.fields:
            r["performance-data"] = self.perf()
            r["activity-context-data"] = self.activity(s)
        self.add(t, r)
        if s["track"]:
            self.sessions.append((s["user"], s["start"], t, s["ip"]))
        s["ended"] = True

    def leave_open(self, s, until=None):
        """Session with no end row: open at the end of the logs, or ended by a restart at `until`."""
        if s["track"]:
            self.sessions.append((s["user"], s["start"], until, s["ip"]))

    def perf(self):
        n = self.rng.randint(40, 900)
        parts = [f"ClientRPCCount=0;AvgClientLatency=00:00:00;ServerRPCCount={n};"
                 f"AvgCasRPCProcessingTime=00:00:00.00{self.rng.randint(10, 99)}000;"
                 f"AvgMbxProcessingTime=00:00:00.00{self.rng.randint(10, 99)}000;"
                 f"MaxCasRPCProcessingTime=00:00:00.{self.rng.randint(100, 999)}0000"]
        for kind in ("Client", "Cas", "Mbx"):
            for p in PERCENTILES:
                parts.append(f";{p}%{kind}Percentile={10 + (0 if kind == 'Client' else p // 10 * 10)}")
        return "".join(parts) + ";ClientRpcFailureData:"

    def refused(self, user, dn, ip, t, software="OUTLOOK.EXE", version="14.0.7015.1000", mode="Cached",
                protocol="ncacn_ip_tcp", status=None, failures=None, email=None):
        """A Connect the server failed. Default: the session limit (see ../README.md, 'limit refusal')."""
        s = {"id": self.new_id(), "seq": 0, "user": user, "dn": dn, "ip": ip, "software": software,
             "version": version, "mode": mode, "protocol": protocol, "email": email or "",
             "cookie": "C:MAPIAAAAA" + hashlib.sha1(f"{user}{t}{ip}".encode()).hexdigest()[:40], "req": 0,
             "track": False, "start": t}
        self.connect(s, t,
                     status=status or "2147746066 (rpc::SessionLimit)",
                     failures=failures or ("RpcDispatch: [MapiExceptionSessionLimit] Unable to make connection "
                                           "to the server. (hr=0x80040112, ec=-2147221230)"))

    # -- writing

    def header(self, t):
        sw = self.software
        return [f"#Software: {sw}", f"#Version: {self.version}", "#Log-type: RCA Protocol Logs",
                f"#Date: {iso(t)}", "#Fields: " + ",".join(self.fields)]

    def write(self, folder, hourly):
        rows = sorted(self.rows, key=lambda x: (x[0], x[1]))
        files = {}
        ids, counter = {}, self.first_id  # the service numbers sessions in the order they connect
        for t, _, row in rows:
            key = t.strftime("%Y%m%d%H" if hourly else "%Y%m%d")
            lines = files.get(key)
            marker = isinstance(row, tuple)
            if marker:
                counter = row[1]
            if lines is None:
                lines = files[key] = self.header(t)
                if marker:
                    continue
            if marker:
                lines.extend(self.header(t))
                continue
            internal = row["session-id"]
            if internal not in ids:
                ids[internal] = counter
                counter += 1
            row = dict(row, **{"session-id": ids[internal]})
            lines.append(",".join(csv_field(row.get(f, "")) for f in self.fields))
        for key, lines in files.items():
            write(os.path.join(folder, f"RCA_{key}-1.LOG"), CRLF.join(lines) + CRLF)
        return sorted(files)


def outlook_start(log, user, dn, ip, t, n, end=None, how="Disconnect", **kw):
    """One Outlook start: n sessions opened within a second or two, each Connect + OwnerLogon."""
    sessions = []
    for i in range(n):
        ti = t + dt.timedelta(milliseconds=i * log.rng.randint(180, 420))
        sessions.append(log.session(user, dn, ip, ti, **kw))
    if end is not None:
        for i, s in enumerate(sessions):
            log.end(s, end + dt.timedelta(milliseconds=i * log.rng.randint(20, 90)), how)
    return sessions


# ------------------------------------------------------------------ Event 9646

WORDING = 'Mapi session "{id}" exceeded the maximum of {limit} objects of type "{type}".'  # [KB980049][TECHGENIX]
BINARY = "070000005B444941475F4354585D0000{a:02X}000000FFE83A00000000000002080000003A67F01F{b:02X}000000"  # [KB980049]


class Events:
    def __init__(self, computer, first_record, rng):
        self.computer = computer
        self.record = first_record
        self.rng = rng
        self.items = []  # (record, time, identity, limit, type)

    def add(self, t, identity, limit=32, type_="session"):
        self.record += self.rng.randint(1, 40)
        self.items.append((self.record, t.replace(microsecond=0), identity, limit, type_))

    def xml(self, item, quote="'", rendered=True):
        rec, t, identity, limit, type_ = item
        q = quote
        esc = identity.replace("&", "&amp;").replace("<", "&lt;")
        msg = WORDING.format(id=esc, limit=limit, type=type_)
        parts = [f"<Event xmlns={q}http://schemas.microsoft.com/win/2004/08/events/event{q}>",
                 f"<System><Provider Name={q}MSExchangeIS{q}/><EventID Qualifiers={q}49158{q}>9646</EventID>",
                 f"<Level>2</Level><Task>6</Task><Keywords>0x80000000000000</Keywords>",
                 f"<TimeCreated SystemTime={q}{t.strftime('%Y-%m-%dT%H:%M:%S')}.000000000Z{q}/>",
                 f"<EventRecordID>{rec}</EventRecordID><Channel>Application</Channel>",
                 f"<Computer>{self.computer}</Computer><Security/></System>",
                 f"<EventData><Data>{esc}</Data><Data>{limit}</Data><Data>{type_}</Data>",
                 f"<Binary>{BINARY.format(a=rec % 251, b=(rec // 7) % 251)}</Binary></EventData>"]
        if rendered:
            parts.append(f"<RenderingInfo Culture={q}en-US{q}><Message>{msg}</Message><Level>Error</Level>"
                         f"<Task>General</Task><Opcode>Info</Opcode><Channel>Application</Channel>"
                         f"<Provider></Provider><Keywords><Keyword>Classic</Keyword></Keywords></RenderingInfo>")
        parts.append("</Event>")
        return "".join(parts)

    def wevtutil(self, path, items=None):
        """`wevtutil qe Application /q:"*[System[(EventID=9646)]]" /f:RenderedXml`: no root, one event a line."""
        items = self.items if items is None else items
        write(path, CRLF.join(self.xml(i) for i in items) + CRLF)

    def save_as_xml(self, path, items=None):
        """Event Viewer "Save Selected Events... / Save Filtered Log File As" XML: UTF-16LE + BOM, <Events> root."""
        items = self.items if items is None else items
        body = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + CRLF + "<Events>" + CRLF
        body += CRLF.join(self.xml(i, quote='"') for i in items) + CRLF + "</Events>" + CRLF
        write(path, body, "utf-16-le", bom=True)


# ------------------------------------------------------------------ .reg, netstat, snapshots

def reg_hex_value(name, kind, data):
    """regedit v5 long hex values: wrapped with ",\\" and two-space continuation lines (KB310516)."""
    head = f'"{name}"={kind}:'
    hexes = [f"{b:02x}" for b in data]
    lines, line = [], head
    for i, h in enumerate(hexes):
        piece = h + ("," if i < len(hexes) - 1 else "")
        if len(line) + len(piece) > 77 and piece != h:
            lines.append(line + "\\")
            line = "  "
        line += piece
    lines.append(line)
    return lines


def utf16z(*strings):
    out = b""
    for s in strings:
        out += s.encode("utf-16-le") + b"\x00\x00"
    return out


def tcpip_reg(host, domain, ip, mask, gw, dns, iface_guid, keepalive=None):
    """`reg export HKLM\\SYSTEM\\CurrentControlSet\\Services\\Tcpip\\Parameters` (v5, UTF-16LE + BOM)."""
    k = r"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\Tcpip\Parameters"
    L = ["Windows Registry Editor Version 5.00", "", f"[{k}]", f'"NV Hostname"="{host}"']
    L += reg_hex_value("DataBasePath", "hex(2)", utf16z(r"%SystemRoot%\System32\drivers\etc"))
    L += ['"NameServer"=""', '"ForwardBroadcasts"=dword:00000000', '"IPEnableRouter"=dword:00000000',
          f'"Domain"="{domain}"', f'"Hostname"="{host}"', '"SearchList"=""',
          '"UseDomainNameDevolution"=dword:00000001', '"EnableICMPRedirect"=dword:00000001',
          '"DeadGWDetectDefault"=dword:00000001', '"DontAddDefaultGatewayDefault"=dword:00000000',
          '"EnableWsd"=dword:00000001', f'"NV Domain"="{domain}"', '"SyncDomainWithMembership"=dword:00000001']
    if keepalive is not None:
        L.append(f'"KeepAliveTime"=dword:{keepalive:08x}')
    L += ["", f"[{k}\\Adapters]", "", f"[{k}\\Adapters\\{{{iface_guid}}}]", '"LLInterface"=""']
    L += reg_hex_value("IpConfig", "hex(7)", utf16z(f"Tcpip\\Parameters\\Interfaces\\{{{iface_guid}}}") + b"\x00\x00")
    L += ['"NumIpConfig"=dword:00000001', "", f"[{k}\\DNSRegisteredAdapters]", "", f"[{k}\\Interfaces]", "",
          f"[{k}\\Interfaces\\{{{iface_guid}}}]", '"UseZeroBroadcast"=dword:00000000', '"EnableDeadGWDetect"=dword:00000001',
          '"EnableDHCP"=dword:00000000']
    L += reg_hex_value("IPAddress", "hex(7)", utf16z(ip) + b"\x00\x00")
    L += reg_hex_value("SubnetMask", "hex(7)", utf16z(mask) + b"\x00\x00")
    L += reg_hex_value("DefaultGateway", "hex(7)", utf16z(gw) + b"\x00\x00")
    L += reg_hex_value("DefaultGatewayMetric", "hex(7)", utf16z("0") + b"\x00\x00")
    L += [f'"NameServer"="{dns}"', '"Domain"=""', '"RegistrationEnabled"=dword:00000001',
          '"RegisterAdapterName"=dword:00000000', '"TCPAllowedPorts"=hex(7):30,00,00,00,00,00',
          '"UDPAllowedPorts"=hex(7):30,00,00,00,00,00', '"RawIPAllowedProtocols"=hex(7):30,00,00,00,00,00',
          '"NTEContextList"=hex(7):30,00,78,00,30,00,30,00,30,00,30,00,30,00,30,00,30,00,32,00,00,00,00,00',
          '"DhcpClassIdBin"=hex:', '"DhcpServer"="255.255.255.255"', '"Lease"=dword:00000e10',
          '"LeaseObtainedTime"=dword:5e5b1c40', '"T1"=dword:5e5b2250', '"T2"=dword:5e5b2d6c',
          '"LeaseTerminatesTime"=dword:5e5b2a50', '"AddressType"=dword:00000000', '"IsServerNapAware"=dword:00000000',
          '"DhcpConnForceBroadcastFlag"=dword:00000000', "", f"[{k}\\PersistentRoutes]", "", f"[{k}\\Winsock]",
          '"UseDelayedAcceptance"=dword:00000000']
    L += reg_hex_value("HelperDllName", "hex(2)", utf16z(r"%SystemRoot%\System32\wshtcpip.dll"))
    L += ['"MaxSockAddrLength"=dword:00000010', '"MinSockAddrLength"=dword:00000010']
    L += reg_hex_value("Mapping", "hex", bytes.fromhex(
        "0b00000003000000020000000100000006000000020000000100000000000000020000000000000006000000"
        "0200000002000000110000000200000002000000000000000200000000000000110000000200000003000000"))
    return CRLF.join(L) + CRLF + CRLF


def netstat(listen, established, pids):
    """`netstat -ano > file` from cmd: blank line, 'Active Connections', header, column-aligned rows."""
    L = ["", "Active Connections", "", "  Proto  Local Address          Foreign Address        State           PID"]
    for local, pid in listen:
        L.append(f"  TCP    {local:<23}{'0.0.0.0:0':<23}{'LISTENING':<16}{pid}")
    for local, remote, state, pid in established:
        L.append(f"  TCP    {local:<23}{remote:<23}{state:<16}{pid}")
    for udp, pid in pids:
        L.append(f"  UDP    {udp:<23}{'*:*':<39}{pid}")
    return CRLF.join(L) + CRLF


LOGON_STATS_COLUMNS = ["AdapterSpeed", "ClientIPAddress", "ClientMode", "ClientName", "ClientVersion", "CodePage",
                       "CurrentOpenAttachments", "CurrentOpenFolders", "CurrentOpenMessages", "FolderOperationCount",
                       "FullMailboxDirectoryName", "FullUserDirectoryName", "HostAddress", "LastAccessTime", "Latency",
                       "LocaleID", "LogonTime", "MACAddress", "MessagingOperationCount", "OtherOperationCount",
                       "ProgressOperationCount", "RPCCallsSucceeded", "StreamOperationCount", "TableOperationCount",
                       "TotalOperationCount", "TransferOperationCount", "UserName", "Windows2000Account",
                       "ServerName", "StorageGroupName", "DatabaseName", "Identity", "IsValid", "OriginatingServer"]


def us_time(t):
    """Export-Csv renders DateTime in the exporting culture; en-US: 3/17/2026 10:14:03 AM."""
    h = t.hour % 12 or 12
    return f"{t.month}/{t.day}/{t.year} {h}:{t.minute:02d}:{t.second:02d} {'AM' if t.hour < 12 else 'PM'}"


# ------------------------------------------------------------------ helpers for the cases

def case_dir(name):
    d = os.path.join(ROOT, name, "evidence")
    if os.path.isdir(d):
        shutil.rmtree(d)
    os.makedirs(d)
    return d


def peaks(sessions, users=None, restart=None):
    """Max simultaneous open sessions per user (sweep; an end at t closes before a start at t)."""
    by = {}
    for user, start, end, _ in sessions:
        by.setdefault(user, []).append((start, 1))
        if end is not None:
            by[user].append((end, -1))
    out = {}
    for user, evs in by.items():
        evs.sort(key=lambda e: (e[0], e[1]))
        cur = best = 0
        for _, d in evs:
            cur += d
            best = max(best, cur)
        out[user] = best
    return out


def open_at(sessions, user, t):
    return sum(1 for u, s, e, _ in sessions if u == user and s <= t and (e is None or e > t))


def facts(name, **kw):
    if FACTS:
        print(f"== {name}")
        for k, v in kw.items():
            print(f"   {k}: {v}")


# ------------------------------------------------------------------ case 1: rca-2010-record-scoped

def case_rca_2010():
    out = case_dir("rca-2010-record-scoped")
    rng = random.Random(1)
    org = "/o=Fabrikam/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn="
    log = RcaLog(F2010, "Microsoft Exchange Server", "14.03.0123.004", "10.20.1.11", 3107,
                 "EX01.fabrikam.com", "DB01", rng)
    days = [dt.date(2026, 3, 2), dt.date(2026, 3, 3), dt.date(2026, 3, 4)]
    # user, address, sessions per start, [(start, end)] per day (None = absent that day)
    healthy = [
        ("alice", "10.20.30.41", 3, [("07:58:11", "17:05:40")] * 3),
        ("bob", "10.20.30.42", 2, [("08:20:03", "12:01:15"), ("12:47:30", "16:40:09")]),
        ("dave", "10.20.30.44", 4, [("07:45:52", "18:10:27")] * 3),
        ("erin", "10.20.30.45", 3, [("08:30:19", "16:00:44")] * 3),
        ("frank", "10.20.30.46", 2, [("09:10:37", "17:50:02")]),
    ]
    for day_i, day in enumerate(days):
        for user, ip, n, spans in healthy:
            if user == "frank" and day_i == 2:
                continue  # frank is off on Wednesday
            for a, b in (spans if user == "bob" else spans[:1]):
                sess = outlook_start(log, user, org + user, ip, at(day, a, rng.randint(0, 999)), n,
                                     end=None if user in ("alice", "dave", "bob") else at(day, b, rng.randint(0, 999)))
                if user == "bob":  # bob's Outlook logs off its store logons before it disconnects
                    for j, s in enumerate(sess):
                        log.logoff(s, at(day, b, 5 * j))
                        log.end(s, at(day, b, 5 * j + 30), "Disconnect")
                if user in ("alice", "dave"):
                    # ordinary users open the shared "support" mailbox in their profile: a DelegateLogon
                    # in one of their sessions [PLS]; then Outlook closes at the end of the day
                    log.logon(sess[1], at(day, a, 900) + dt.timedelta(seconds=2), "Delegate", org + "support", 1)
                    for j, s in enumerate(sess):
                        log.end(s, at(day, b, 10 * j), "Disconnect")
        # grace leaves Outlook running overnight from Tuesday to Wednesday (sessions cross the daily files)
        if day_i == 0:
            outlook_start(log, "grace", org + "grace", "10.20.30.47", at(day, "07:30:05", 120), 3,
                          end=at(day, "15:30:31", 0))
        elif day_i == 1:
            outlook_start(log, "grace", org + "grace", "10.20.30.47", at(day, "07:30:05", 387), 3,
                          end=at(days[2], "15:30:31", 0))
        # carol: desktop (3 sessions) all day + her laptop (2 sessions) in a morning meeting, both alive
        outlook_start(log, "carol", org + "carol", "10.20.30.43", at(day, "08:05:14", 120), 3,
                      end=at(day, "17:20:08", 300))
        outlook_start(log, "carol", org + "carol", "10.20.31.17", at(day, "09:00:41", 80), 2,
                      end=at(day, "11:30:22", 10))
        # heidi: own desk in the morning, a meeting-room PC in the afternoon (one after the other)
        hs = outlook_start(log, "heidi", org + "heidi", "10.20.30.48", at(day, "08:00:33", 0), 3)
        log.logon(hs[0], at(day, "08:00:36", 0), "Delegate", org + "dave", 1)  # heidi assists dave
        for j, s in enumerate(hs):
            log.end(s, at(day, "12:00:02", 20 * j), "Disconnect")
        outlook_start(log, "heidi", org + "heidi", "10.20.32.9", at(day, "13:00:12", 0), 2,
                      end=at(day, "15:00:49", 0))

    # jdoe: VPN laptop. Day 1: one drop. Day 2: flaky VPN, 8 drops, limit hit. Day 3: one drop.
    jdn = org + "jdoe"
    jguid = guid("jdoe-mailbox")
    events = Events("EX01.fabrikam.com", 84210, rng)
    D = dt.timedelta
    REAP = D(seconds=7200 + 10)  # KeepAliveTime absent = 2 h, + 10 probes x 1 s (docs/domain.md)

    def vpn_day(day, starts, final_close, refused_from=None):
        """starts: [(time, address)]; the VPN drops 70 s before the next start (none after the last)."""
        opened = []
        for i, (t, ip) in enumerate(starts):
            opened.append((outlook_start(log, "jdoe", jdn, ip, t, 4), ip, t))
        for i, (sess, ip, t) in enumerate(opened[:-1]):
            drop = starts[i + 1][0] - D(seconds=70)
            for j, s in enumerate(sess):
                log.end(s, drop + REAP + D(milliseconds=37 * j + rng.randint(0, 30)), "NetworkRundown")
        last = opened[-1][0]
        for j, s in enumerate(last):
            log.end(s, final_close + D(milliseconds=40 * j), "Disconnect")

    d1, d2, d3 = days
    vpn_day(d1, [(at(d1, "08:05:12", 400), "172.16.8.23"), (at(d1, "09:43:20", 51), "172.16.8.57")],
            at(d1, "17:45:03", 0))
    vpn_day(d3, [(at(d3, "08:10:44", 300), "172.16.8.140"), (at(d3, "13:06:09", 700), "172.16.8.201")],
            at(d3, "16:50:30", 0))
    # day 2: 8 starts, 4 sessions each -> 32 open; the 9th start (172.16.8.77) is refused until the first
    # dead start is reaped by keepalive.
    s2 = ["08:00:05", "08:14:40", "08:29:12", "08:41:55", "08:55:30", "09:10:02", "09:22:47", "09:36:20"]
    a2 = ["172.16.8.23", "172.16.8.57", "172.16.8.104", "172.16.8.12", "172.16.8.88", "172.16.8.131",
          "172.16.8.46", "172.16.8.219"]
    opened = [(outlook_start(log, "jdoe", jdn, ip, at(d2, t, rng.randint(0, 999)), 4), at(d2, t))
              for t, ip in zip(s2, a2)]
    drops = [at(d2, t) - D(seconds=70) for t in s2[1:]] + [at(d2, "09:46:30")]
    reaped = []
    for (sess, _), drop in zip(opened, drops):
        for j, s in enumerate(sess):
            log.end(s, drop + REAP + D(milliseconds=37 * j + rng.randint(0, 30)), "NetworkRundown")
        reaped.append(drop + REAP)
    first_free = min(reaped)  # 10:13:40
    t = at(d2, "09:48:00", 212)
    refusals = 0
    while t < first_free:
        log.refused("jdoe", jdn, "172.16.8.77", t)
        events.add(t, f"{jguid}: {jdn}")
        refusals += 1
        t += D(seconds=60, milliseconds=rng.randint(-150, 150))
    final = outlook_start(log, "jdoe", jdn, "172.16.8.77", t, 4)
    for j, s in enumerate(final):
        log.end(s, at(d2, "17:30:15", 40 * j), "Disconnect")
    log.write(os.path.join(out, "EX01", "RPC Client Access"), hourly=False)
    events.wevtutil(os.path.join(out, "EX01", "Application-9646.xml"))
    write(os.path.join(out, "EX01", "tcpip.reg"),
          tcpip_reg("EX01", "fabrikam.com", "10.20.1.11", "255.255.255.0", "10.20.1.1", "10.20.1.2,10.20.1.3",
                    guid("ex01-nic").upper()), "utf-16-le", bom=True)
    # netstat at 10:00 on day 2: the dead VPN addresses still hold ESTABLISHED connections
    est = [("10.20.1.11:59532", f"{ip}:{49152 + i * 7 + 311}", "ESTABLISHED", 2412) for i, ip in enumerate(a2)]
    est += [("10.20.1.11:59532", f"10.20.30.{41 + i}:{50210 + i * 13}", "ESTABLISHED", 2412) for i in range(8)]
    # the refused laptop's TCP connection is up; it is the MAPI Connect on it that the store refuses
    est += [("10.20.1.11:59532", "172.16.8.77:51873", "ESTABLISHED", 2412),
            ("10.20.1.11:3389", "10.20.5.12:61023", "ESTABLISHED", 1180)]
    write(os.path.join(out, "EX01", "EX01-netstat-20260303-1000.txt"),
          netstat([("0.0.0.0:25", 1760), ("0.0.0.0:80", 4), ("0.0.0.0:135", 812), ("0.0.0.0:443", 4),
                   ("0.0.0.0:445", 4), ("0.0.0.0:3389", 1180), ("0.0.0.0:6001", 3316), ("0.0.0.0:6002", 3316),
                   ("0.0.0.0:6004", 3316), ("0.0.0.0:59531", 2988), ("0.0.0.0:59532", 2412)],
                  sorted(est), [("0.0.0.0:123", 1044), ("0.0.0.0:500", 1032)]), "cp850")
    p = peaks(log.sessions)
    facts("rca-2010-record-scoped", peaks=p, events=len(events.items), refusals=refusals,
          first_free=first_free, open_at_first_refusal=open_at(log.sessions, "jdoe", at(d2, "09:48:00", 212)))


# ------------------------------------------------------------------ case 2: restart

def case_restart():
    out = case_dir("restart")
    rng = random.Random(2)
    org = "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn="
    log = RcaLog(F2010, "Microsoft Exchange Server", "14.03.0123.004", "10.30.1.12", 41, "EX02.contoso.com",
                 "DB02", rng)
    day = dt.date(2026, 3, 10)
    restart = at(day, "11:20:45", 0)
    users = [("kim", "10.30.40.11", 4), ("lars", "10.30.40.12", 4), ("mia", "10.30.40.13", 3),
             ("noah", "10.30.40.14", 3), ("olga", "10.30.40.15", 3), ("paul", "10.30.40.16", 3)]
    before = {}
    for i, (u, ip, n) in enumerate(users):
        before[u] = outlook_start(log, u, org + u, ip, at(day, f"08:{5 + i * 4:02d}:{11 + i:02d}", 200), n)
    # quinn closes Outlook before the restart; rosa starts only after it
    outlook_start(log, "quinn", org + "quinn", "10.30.40.17", at(day, "08:40:02", 0), 3,
                  end=at(day, "10:30:51", 0))
    for u, sess in before.items():
        for s in sess:
            log.leave_open(s, until=restart)  # the service restart ended them; no Disconnect rows
    log.restart(restart, 1)
    order = [("mia", 0), ("kim", 5), ("paul", 9), ("lars", 14), ("olga", 20), ("noah", 31)]
    ips = {u: ip for u, ip, _ in users}
    ns = {u: n for u, _, n in users}
    for u, delay in order:
        outlook_start(log, u, org + u, ips[u], restart + dt.timedelta(seconds=12 + delay), ns[u],
                      end=at(day, f"17:{10 + delay // 3:02d}:0{delay % 10}", 0))
    outlook_start(log, "rosa", org + "rosa", "10.30.40.18", at(day, "13:02:30", 0), 3,
                  end=at(day, "16:45:12", 0))
    log.write(os.path.join(out, "EX02"), hourly=False)
    facts("restart", peaks=peaks(log.sessions))


# ------------------------------------------------------------------ case 3: loginperm (2016, MapiHttp)

def case_loginperm():
    out = case_dir("loginperm")
    rng = random.Random(3)
    org = "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn="

    def dn(alias):
        return org + hex32(alias) + "-" + alias  # 2013+ recipients: cn=<32 hex>-alias [Q303395]

    log = RcaLog(F2016, "Microsoft Exchange", "15.01.1261.035", "::1", 18204, "EX03.contoso.com", "DB03", rng)
    day = dt.date(2026, 3, 10)
    kw = dict(version="16.0.4266.1001", protocol="MapiHttp")
    users = [("nina", "10.30.50.21", 3, "08:02:14", "17:31:40"), ("omar", "10.30.50.22", 2, "07:55:03", "16:12:09"),
             ("pia", "10.30.50.23", 3, "08:40:51", "18:02:33")]
    for u, ip, n, a, b in users:
        outlook_start(log, u, dn(u), ip, at(day, a, rng.randint(0, 999)), n, end=at(day, b, rng.randint(0, 999)),
                      email=f"{u}@contoso.com", **kw)
    # nina's profile still opens the shared mailbox "finance" after her Full Access was removed:
    # Outlook connects as owner of finance every 9 minutes and the store answers LoginPerm [Q303395].
    nina_sid = sid("nina")
    t = at(day, "08:03:02", 511)
    n_fail = 0
    while t < at(day, "17:00:00"):
        fdn = dn("finance")
        log.refused("finance", fdn, "10.30.50.21", t, version="16.0.4266.1001", protocol="MapiHttp",
                    status="1010 (rpc::LoginPerm)", email="finance@contoso.com",
                    failures=(f"RpcDispatch: [LoginPermException] 'User SID: {nina_sid}' can't act as owner of a "
                              f"UserMailbox object '{fdn}' with SID {sid('finance')} and MasterAccountSid "
                              f"(StoreError=LoginPerm) at M.E.R.Server.UserManager.User.CorrelateIdentityWithLegacyDN"
                              f"(ClientSecurityContext clientSecurityContext) at M.E.R.Server.RpcDispatch."
                              f"<>c__DisplayClasse.<EcDoConnectEx>b__a() at M.E.R.Server.RpcDispatch.Execute"
                              f"(Func1 getExecuteParameters, Func1 executeDelegate, Action`1 exceptionSerializationDelegate)"))
        # the SID on the failed Connect is the caller's (nina's), as in [Q303395]
        log.rows[-1][2]["operation-specific"] = f"SID={nina_sid}, Flags=None"
        n_fail += 1
        t += dt.timedelta(minutes=9, milliseconds=rng.randint(-900, 900))
    # oscar tries the CEO's mailbox a few times (no rights either)
    for i in range(4):
        t = at(day, f"10:{12 + i * 2:02d}:0{i}", 100)
        cdn = dn("ceo")
        log.refused("ceo", cdn, "10.30.50.24", t, version="16.0.4266.1001", protocol="MapiHttp",
                    status="1010 (rpc::LoginPerm)", email="ceo@contoso.com",
                    failures=(f"RpcDispatch: [LoginPermException] 'User SID: {sid('oscar')}' can't act as owner of a "
                              f"UserMailbox object '{cdn}' with SID {sid('ceo')} and MasterAccountSid "
                              f"(StoreError=LoginPerm) at M.E.R.Server.UserManager.User.CorrelateIdentityWithLegacyDN"
                              f"(ClientSecurityContext clientSecurityContext)"))
        log.rows[-1][2]["operation-specific"] = f"SID={sid('oscar')}, Flags=None"
    outlook_start(log, "oscar", dn("oscar"), "10.30.50.24", at(day, "09:58:40", 0), 2,
                  end=at(day, "15:20:11", 0), email="oscar@contoso.com", **kw)
    log.write(os.path.join(out, "EX03"), hourly=True)
    facts("loginperm", peaks=peaks(log.sessions), loginperm_finance=n_fail)


# ------------------------------------------------------------------ case 4: shared-pcs

def case_shared_pcs():
    out = case_dir("shared-pcs")
    rng = random.Random(4)
    org = "/o=Northwind/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn="
    log = RcaLog(F2010, "Microsoft Exchange Server", "14.03.0123.004", "10.40.1.14", 905, "EX04.northwind.local",
                 "DB04", rng)
    fd = org + "frontdesk"
    # 16 reception PCs, the same every day; PCs 1-8 run Outlook with 3 sessions, 9-16 with 2: 40 in all.
    pcs = [(f"10.40.60.{10 + i}", 3 if i < 8 else 2) for i in range(16)]
    days = [dt.date(2026, 3, 16), dt.date(2026, 3, 17)]
    day_refusals = {days[0]: (at(days[0], "07:12:05"), 12), days[1]: (at(days[1], "07:09:41"), 9)}
    events_csv = []
    for day in days:
        t = at(day, "06:45:10")
        for i, (ip, n) in enumerate(pcs):
            t0 = t + dt.timedelta(seconds=i * 95 + rng.randint(0, 20), milliseconds=rng.randint(0, 999))
            end = at(day, "15:05:00") + dt.timedelta(seconds=i * 61 + rng.randint(0, 30))
            outlook_start(log, "frontdesk", fd, ip, t0, n, end=end)
        # the 17th PC (10.40.60.26) cannot open its mailbox: every minute one 9646, no RCA row at all
        first, count = day_refusals[day]
        for k in range(count):
            events_csv.append(first + dt.timedelta(seconds=60 * k + rng.randint(0, 2)))
        # two ordinary users of the same server
        outlook_start(log, "sam", org + "sam", "10.40.61.5", at(day, "08:31:02"), 3, end=at(day, "16:59:40"))
        outlook_start(log, "tara", org + "tara", "10.40.61.6", at(day, "08:02:47"), 2, end=at(day, "17:12:05"))
    log.write(os.path.join(out, "EX04", "RPC Client Access"), hourly=False)
    # Event Viewer "Save All Events As... CSV" (en-GB server, Europe/London = UTC in March before DST)
    lines = ["Level,Date and Time,Source,Event ID,Task Category"]
    others = [(at(days[0], "06:30:00"), "Information", "MSExchangeIS Mailbox Store", "1221", "General",
               'The database "DB04" has 112 megabytes of free space after online defragmentation has terminated.'),
              (at(days[1], "06:30:00"), "Information", "MSExchangeIS Mailbox Store", "1221", "General",
               'The database "DB04" has 108 megabytes of free space after online defragmentation has terminated.')]
    allrows = [(t, "Error", "MSExchangeIS", "9646", "General",
                WORDING.format(id=fd, limit=40, type="session")) for t in events_csv] + others
    for t, lvl, src, eid, cat, msg in sorted(allrows, reverse=True):  # Event Viewer lists newest first
        lines.append(",".join([lvl, t.strftime("%d/%m/%Y %H:%M:%S"), src, eid, cat, csv_field(msg)]))
    write(os.path.join(out, "EX04", "Application.csv"), CRLF.join(lines) + CRLF, bom=True)
    # the limit was raised to 40 before (KB842022) - the ParametersSystem export shows it
    k = r"HKEY_LOCAL_MACHINE\SYSTEM\CurrentControlSet\Services\MSExchangeIS\ParametersSystem"
    reg = ["Windows Registry Editor Version 5.00", "", f"[{k}]", '"Maximum Allowed Sessions Per User"=dword:00000028', ""]
    write(os.path.join(out, "EX04", "EX04-ParametersSystem.reg"), CRLF.join(reg) + CRLF, "utf-16-le", bom=True)
    p = peaks(log.sessions)
    facts("shared-pcs", peaks=p, events=len(events_csv),
          open_at_refusals=[open_at(log.sessions, "frontdesk", t) for t in (day_refusals[d][0] for d in days)])


# ------------------------------------------------------------------ case 5: retries

def case_retries():
    out = case_dir("retries")
    rng = random.Random(5)
    org = "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn="
    log = RcaLog(F2010, "Microsoft Exchange Server", "14.03.0123.004", "10.50.1.15", 2210, "EX05.contoso.com",
                 "DB05", rng)
    kdn = org + "kiosk"
    terms = [f"10.50.70.{21 + i}" for i in range(8)]  # 8 shop-floor terminals, 4 sessions each
    days = [dt.date(2026, 3, 18), dt.date(2026, 3, 19)]
    events = Events("EX05.contoso.com", 551200, rng)
    for day in days:
        for i, ip in enumerate(terms):
            outlook_start(log, "kiosk", kdn, ip, at(day, "06:00:20") + dt.timedelta(seconds=40 * i, milliseconds=rng.randint(0, 999)),
                          4, end=at(day, "14:02:00") + dt.timedelta(seconds=33 * i))
        outlook_start(log, "uwe", org + "uwe", "10.50.71.4", at(day, "07:55:09"), 3, end=at(day, "16:20:44"))
    # day 2: a ninth terminal retries every minute for an hour, always refused (one client, 60 attempts)
    t = at(days[1], "10:00:05", 120)
    for k in range(60):
        ti = t + dt.timedelta(seconds=60 * k, milliseconds=rng.randint(0, 400))
        log.refused("kiosk", kdn, "10.50.70.29", ti)
        events.add(ti, kdn)
    log.write(os.path.join(out, "EX05", "RPC Client Access"), hourly=False)
    events.wevtutil(os.path.join(out, "EX05", "9646.xml"))
    facts("retries", peaks=peaks(log.sessions), events=len(events.items),
          open_at_refusal=open_at(log.sessions, "kiosk", t))


# ------------------------------------------------------------------ case 6: duplicates

def case_duplicates():
    out = case_dir("duplicates")
    rng = random.Random(6)
    org = "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn="
    ev = Events("EX06.contoso.com", 7100, rng)
    t = at(dt.date(2026, 3, 20), "09:00:07")
    for k in range(50):
        user = "tnguyen" if k in (3, 11, 17, 24, 29) else "mlopez"
        ev.add(t + dt.timedelta(minutes=3 * k, seconds=rng.randint(0, 50)), org + user)
    first, second = ev.items[:30], ev.items[20:]  # overlap: items 20-29 in both
    ev.wevtutil(os.path.join(out, "EX06-9646-wevtutil.xml"), first)
    ev.save_as_xml(os.path.join(out, "EX06-9646-eventviewer.xml"), second)
    os.makedirs(os.path.join(out, "copied-again"))
    shutil.copyfile(os.path.join(out, "EX06-9646-eventviewer.xml"),
                    os.path.join(out, "copied-again", "EX06-9646-eventviewer.xml"))
    by = {}
    for rec, _, ident, _, _ in ev.items:
        by[ident.rsplit("=", 1)[1]] = by.get(ident.rsplit("=", 1)[1], 0) + 1
    facts("duplicates", distinct=len(ev.items), by_user=by, first_records=(first[0][0], first[-1][0]),
          second_records=(second[0][0], second[-1][0]))


# ------------------------------------------------------------------ case 7: server-identity

def case_server_identity():
    out = case_dir("server-identity")
    rng = random.Random(7)
    org = "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn="
    log = RcaLog(F2010, "Microsoft Exchange Server", "14.03.0123.004", "10.70.1.7", 12001, "EX07.contoso.com",
                 "DB07", rng)
    day = dt.date(2026, 3, 24)
    for u, ip, n, a, b in [("vera", "10.70.20.31", 3, "08:01:09", "16:55:12"),
                           ("walt", "10.70.20.32", 2, "08:44:50", "17:31:02"),
                           ("xena", "10.70.20.33", 3, "07:52:40", "15:10:33")]:
        outlook_start(log, u, org + u, ip, at(day, a, rng.randint(0, 999)), n, end=at(day, b, rng.randint(0, 999)))
    # the bundle the admin sent: EX07-logs-march.zip (built from this folder by the test)
    log.write(os.path.join(out, "RPC Client Access"), hourly=False)
    write(os.path.join(out, "tcpip.reg"),
          tcpip_reg("EX07", "contoso.com", "10.70.1.7", "255.255.255.0", "10.70.1.1", "10.70.1.2",
                    guid("ex07-nic").upper(), keepalive=1800000), "utf-16-le", bom=True)
    facts("server-identity", peaks=peaks(log.sessions))


# ------------------------------------------------------------------ case 8: noise-accounts

def case_noise():
    out = case_dir("noise-accounts")
    rng = random.Random(8)
    og = "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)"
    rec = og + "/cn=Recipients/cn="
    server_dn = og + "/cn=Configuration/cn=Servers/cn=EX08"
    cap = at(dt.date(2026, 3, 17), "10:15:00")
    rows = []

    def row(user_dn, mailbox_dn, account, name, client_ip, client_name, version, mode, logon, last, db="DB08"):
        r = dict.fromkeys(LOGON_STATS_COLUMNS, "")
        r.update({"AdapterSpeed": "0" if client_name == "EX08" else "100000", "ClientIPAddress": client_ip,
                  "ClientMode": mode, "ClientName": client_name, "ClientVersion": version, "CodePage": "1252",
                  "CurrentOpenAttachments": "0", "CurrentOpenFolders": str(rng.randint(0, 9)),
                  "CurrentOpenMessages": str(rng.randint(0, 3)), "FolderOperationCount": str(rng.randint(0, 400)),
                  "FullMailboxDirectoryName": mailbox_dn, "FullUserDirectoryName": user_dn,
                  "HostAddress": "", "LastAccessTime": us_time(last), "Latency": "0", "LocaleID": "1033",
                  "LogonTime": us_time(logon), "MACAddress": "", "MessagingOperationCount": str(rng.randint(0, 90)),
                  "OtherOperationCount": str(rng.randint(0, 900)), "ProgressOperationCount": "0",
                  "RPCCallsSucceeded": str(rng.randint(10, 9000)), "StreamOperationCount": str(rng.randint(0, 20)),
                  "TableOperationCount": str(rng.randint(0, 700)), "TotalOperationCount": str(rng.randint(100, 9000)),
                  "TransferOperationCount": str(rng.randint(0, 60)), "UserName": name,
                  "Windows2000Account": account, "ServerName": "EX08", "StorageGroupName": "",
                  "DatabaseName": db, "Identity": f"{db}\\{guid(name + str(len(rows)))}", "IsValid": "True",
                  "OriginatingServer": "EX08.contoso.com"})
        rows.append(r)

    D = dt.timedelta
    boot = at(dt.date(2026, 3, 15), "03:12:40")
    mailboxes = ["alba", "bruno", "chen", "dora", "emil", "fay", "gus", "hana", "ivo", "jana", "karl", "lea"]
    # the store's own logons (mailbox assistants etc.) run as SYSTEM under the server's legacyDN
    for i in range(48):
        mb = mailboxes[i % len(mailboxes)]
        row(server_dn, rec + mb, "NT AUTHORITY\\SYSTEM", mb.capitalize(), "", "EX08", "14.3.123.3",
            "ExchangeServer", boot + D(minutes=i), cap - D(seconds=rng.randint(1, 400)))
    for i in range(9):  # SYSTEM logons without a user DN at all
        row("", rec + mailboxes[i], "NT AUTHORITY\\SYSTEM", "SYSTEM", "", "EX08", "14.3.123.3", "ExchangeServer",
            boot + D(minutes=90 + i), cap - D(seconds=rng.randint(1, 900)))
    # arbitration / system mailboxes (SystemMailbox{guid}, their SM_ accounts), 2010 SP1+
    sysmb = [f"SystemMailbox{{{guid('sysmb' + str(i))}}}" for i in range(3)]
    for i in range(21):
        mb = sysmb[i % 3]
        row(rec + mb, rec + mb, f"CONTOSO\\SM_{hex32('sm' + str(i % 3))[:17]}", "Microsoft Exchange", "", "EX08",
            "14.3.123.3", "ExchangeServer", boot + D(minutes=3 + i), cap - D(seconds=rng.randint(1, 3600)))
    for i in range(14):  # the SM_ accounts with no user DN in the row
        row("", rec + sysmb[i % 3], f"CONTOSO\\SM_{hex32('sm' + str(i % 3))[:17]}", "SystemMailbox", "", "EX08",
            "14.3.123.3", "ExchangeServer", boot + D(minutes=40 + i), cap - D(seconds=rng.randint(1, 3600)))
    # ordinary users: an Outlook or two each
    for i, u in enumerate(["yara", "zeno", "abel", "bea"]):
        n = 2 if i % 2 else 3
        for j in range(n):
            row(rec + u, rec + u, f"CONTOSO\\{u}", u.capitalize() + " User", f"10.80.30.{11 + i}",
                f"PC-{u.upper()}", "14.0.7106.5003", "Cached", at(dt.date(2026, 3, 17), "08:0" + str(i) + ":12") + D(seconds=j),
                cap - D(seconds=rng.randint(5, 240)))
    lines = ["#TYPE Microsoft.Exchange.Data.Mapi.LogonStatistics", ",".join(f'"{c}"' for c in LOGON_STATS_COLUMNS)]
    for r in rows:
        lines.append(",".join('"' + r[c].replace('"', '""') + '"' for c in LOGON_STATS_COLUMNS))
    write(os.path.join(out, "EX08", "EX08-logons-20260317-1015.csv"), CRLF.join(lines) + CRLF)

    # EX18 (Exchange 2013, same org): Managed Availability probes log on as HealthMailbox<guid>
    # with client-software Microsoft.Exchange.RpcClientAccess.Monitoring.dll [PLS]
    log = RcaLog(F2013, "Microsoft Exchange", "15.00.1497.012", "10.80.1.18", 640, "EX18.contoso.com", "DB18", rng)
    hms = [f"HealthMailbox{hex32('hm' + str(i))}" for i in range(3)]
    day = dt.date(2026, 3, 17)
    for minute in range(0, 60, 4):
        for i, hm in enumerate(hms):
            t = at(day, f"10:{minute:02d}:0{i}", rng.randint(0, 999))
            s = log.session(hm.lower(), rec + hm, "10.80.1.18", t, software="Microsoft.Exchange.RpcClientAccess.Monitoring.dll",
                            version="15.0.1497.12", mode="Classic", protocol="ncacn_http", track=False)
            log.end(s, t + dt.timedelta(seconds=rng.randint(1, 3)), "Disconnect")
    for u, ip in (("cleo", "10.80.31.21"), ("dirk", "10.80.31.22")):
        outlook_start(log, u, rec + u, ip, at(day, "10:05:31"), 2, end=at(day, "10:51:09"), protocol="ncacn_http",
                      version="15.0.4569.1506")
    log.write(os.path.join(out, "EX18"), hourly=True)
    facts("noise-accounts", rows=len(rows))


# ------------------------------------------------------------------ case 9: german

def case_german():
    out = case_dir("german")
    rng = random.Random(9)
    dn = "/o=Contoso/ou=Erste administrative Gruppe/cn=Recipients/cn=kwagner"
    # Event Viewer "Alle Ereignisse speichern unter..." CSV on a German Windows: German header,
    # dd.MM.yyyy HH:mm:ss local time, level "Fehler", the message in German [MSXFAQ9646]
    lines = ["Ebene,Datum und Uhrzeit,Quelle,Ereignis-ID,Aufgabenkategorie"]
    rows = []
    t = at(dt.date(2026, 3, 17), "09:14:03")
    for k in range(12):
        ti = t + dt.timedelta(minutes=4 * k, seconds=rng.randint(0, 40))
        msg = (f'Die MAPI-Sitzung "{dn}" hat die maximal zulässige Anzahl von 32 Objekten vom Typ "session" '
               f"überschritten.")
        rows.append((ti, "Fehler", "MSExchangeIS", "9646", "Allgemein", msg))
    rows.append((at(dt.date(2026, 3, 17), "08:00:02"), "Informationen", "MSExchangeIS", "1000", "Allgemein",
                 "Der Microsoft Exchange-Informationsspeicher wurde gestartet."))
    rows.append((at(dt.date(2026, 3, 17), "11:30:00"), "Warnung", "MSExchange ADAccess", "2915", "Allgemein",
                 "Prozess MSEXCHANGEADTOPOLOGYSERVICE.EXE (PID=1884). Warnung ohne Bezug zu diesem Fall."))
    for ti, lvl, src, eid, cat, msg in sorted(rows, reverse=True):
        lines.append(",".join([lvl, ti.strftime("%d.%m.%Y %H:%M:%S"), src, eid, cat, csv_field(msg)]))
    write(os.path.join(out, "EX09", "Anwendung.csv"), CRLF.join(lines) + CRLF, bom=True)
    facts("german", events=12)


# ------------------------------------------------------------------ case 10: bes

def case_bes():
    out = case_dir("bes")
    rng = random.Random(10)
    org = "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn="
    log = RcaLog(F2010, "Microsoft Exchange Server", "14.03.0123.004", "10.60.1.10", 77001, "EX10.contoso.com",
                 "DB10", rng)
    bdn = org + "BESAdmin"
    names = ["abraham", "beatriz", "cyrus", "delia", "edgar", "flora", "gideon", "hilda", "isaac", "jolene",
             "kasper", "lorena", "milan", "nadia", "otto", "petra", "quentin", "rhea", "silas", "tamsin",
             "ulrich", "viola", "wendel", "ximena", "yusuf", "zora", "anton", "bianca", "casimir", "dalia",
             "elmar", "frieda", "gunnar", "helga"]
    days = [dt.date(2026, 3, 23), dt.date(2026, 3, 24)]
    # BlackBerry Messaging Agent (MAPI/CDO) opens one session per user mailbox and keeps it
    kw = dict(software="BlackBerryAgent.exe", version="6.5.8244.0", mode="Classic")
    start = at(days[0], "05:58:30")
    for i, u in enumerate(names[:32]):
        ti = start + dt.timedelta(seconds=2 * i, milliseconds=rng.randint(0, 999))
        s = log.session("besadmin", bdn, "10.60.5.50", ti, logon="Delegate", mailbox_dn=org + u, **kw)
        log.leave_open(s)
    # the admin adds two users on day 2: BES tries both mailboxes every 5 minutes for an hour
    events = Events("EX10.contoso.com", 310400, rng)
    t = at(days[1], "09:00:12", 310)
    cycles = 12
    for c in range(cycles):
        tc = t + dt.timedelta(minutes=5 * c, seconds=rng.randint(0, 3))
        for j in range(2):
            tj = tc + dt.timedelta(milliseconds=180 * j + rng.randint(0, 90))
            log.refused("besadmin", bdn, "10.60.5.50", tj, **kw)
            events.add(tj, bdn)
    # the users' own Outlook, for contrast
    for day in days:
        for i, u in enumerate(names[:6]):
            outlook_start(log, u, org + u, f"10.60.30.{20 + i}", at(day, f"08:{10 + i * 3:02d}:05"), 3,
                          end=at(day, f"17:{i * 4:02d}:40"))
    log.write(os.path.join(out, "EX10", "RPC Client Access"), hourly=False)
    events.wevtutil(os.path.join(out, "EX10", "Application-9646.xml"))
    facts("bes", peaks=peaks(log.sessions), events=len(events.items))


# ------------------------------------------------------------------ case 11: mapihttp-2016

def case_mapihttp():
    out = case_dir("mapihttp-2016")
    rng = random.Random(11)
    org = "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn="

    def dn(alias):
        return org + hex32(alias) + "-" + alias

    log = RcaLog(F2016, "Microsoft Exchange", "15.01.1261.035", "::1", 51002, "EX11.contoso.com", "DB11", rng)
    day = dt.date(2026, 3, 12)
    kw = dict(version="16.0.4266.1001", protocol="MapiHttp")
    plan = [("ines", "10.90.10.31", 3, "07:48:20", "16:31:02"), ("jonas", "10.90.10.32", 2, "08:15:44", "17:40:19"),
            ("kaan", "10.90.10.33", 3, "08:02:09", "12:10:51"), ("kaan", "10.90.10.33", 3, "13:05:30", "17:02:47"),
            ("lena", "10.90.10.34", 3, "08:20:14", "18:05:33"), ("lena", "10.90.22.7", 2, "10:00:03", "11:45:29"),
            ("moritz", "10.90.10.35", 2, "09:31:00", "15:59:58")]
    for u, ip, n, a, b in plan:
        if (u, a) == ("kaan", "08:02:09"):  # kaan's Outlook logs off before disconnecting at lunch
            sess = outlook_start(log, u, dn(u), ip, at(day, a, rng.randint(0, 999)), n, email=f"{u}@contoso.com", **kw)
            for j, s in enumerate(sess):
                log.logoff(s, at(day, b, 7 * j))
                log.end(s, at(day, b, 7 * j + 40), "Disconnect")
            continue
        outlook_start(log, u, dn(u), ip, at(day, a, rng.randint(0, 999)), n, end=at(day, b, rng.randint(0, 999)),
                      email=f"{u}@contoso.com", **kw)
    log.write(os.path.join(out, "EX11"), hourly=True)
    facts("mapihttp-2016", peaks=peaks(log.sessions))


# ------------------------------------------------------------------ case 12: events-only

def case_events_only():
    out = case_dir("events-only")
    rng = random.Random(12)
    dn = "/o=Contoso/ou=Exchange Administrative Group (FYDIBOHF23SPDLT)/cn=Recipients/cn=ghost"
    ev = Events("EX12.contoso.com", 99001, rng)
    t = at(dt.date(2026, 3, 25), "14:02:18")
    for k in range(6):
        ev.add(t + dt.timedelta(minutes=k * 11, seconds=rng.randint(0, 30)), dn)
    ev.wevtutil(os.path.join(out, "EX12-9646.xml"))
    facts("events-only", events=len(ev.items))


if __name__ == "__main__":
    for f in (case_rca_2010, case_restart, case_loginperm, case_shared_pcs, case_retries, case_duplicates,
              case_server_identity, case_noise, case_german, case_bes, case_mapihttp, case_events_only):
        f()
