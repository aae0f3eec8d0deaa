namespace LiveOps.Dashboard.Components.Pages.LiveSessions;

public static class LiveSessionLinks
{
    public const string List = "/live-sessions";

    public static string Detail(string liveSessionId) => $"/live-sessions/{Uri.EscapeDataString(liveSessionId)}";
}
