package org.mapiscope.analysis;

import org.junit.jupiter.api.Test;

class ScenarioProbe {
    @Test
    void print() {
        Fixture f = new Fixture();
        Scenarios.vpnLaptop(f, "ex01", "jdoe", 2);
        Scenarios.deskWorker(f, "ex01", "bwhite", "10.1.0.20", 3);
        Scenarios.desktopSearch(f, "ex01", "asmith");
        Scenarios.blackBerry(f, "ex01", "besadmin", 40);
        Scenarios.folderLeak(f, "ex01", "mlee");
        Scenarios.powerUser(f, "ex01", "ceo", 2);
        Scenarios.registryWithoutKeepAlive(f, "ex01");
        Scenarios.riverbed(f, "ex02", Scenarios.names("branch", 6));
        AnalysisResult r = f.analyze();
        System.err.println(r.exchange());
        r.findings().forEach(x -> System.err.println(x.subject() + " " + x.cause() + " " + x.confidence() + "\n   " + x.summary() + "\n   " + x.evidence() + "\n   " + x.remedies()));
        r.sessions().byUser().forEach(u -> System.err.println(u.user() + " peak=" + u.peakConcurrent() + " act=" + u.peakActive() + " stale=" + u.stale() + " rej=" + u.rejected() + " tl=" + u.timeline().size()));
        System.err.println(r.recommendations());
        System.err.println(r.limitEvents().total() + " " + r.limitEvents().byObjectType());
        r.settings().forEach(s -> System.err.println(s));
    }
}
