namespace LiveOps.Dashboard.Resources;

/// <summary>Marker for sign-in, setup, users and audit strings: AccountsResource.resx (中文) and AccountsResource.en.resx.</summary>
public sealed class AccountsResource;
