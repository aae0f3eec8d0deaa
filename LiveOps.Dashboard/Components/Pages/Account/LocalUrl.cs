namespace LiveOps.Dashboard.Components.Pages.Account;

/// <summary>Where to go after sign-in: a local path only, so the form cannot become an open redirect.</summary>
public static class LocalUrl
{
    public static string OrHome(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url
            : "/";
}
