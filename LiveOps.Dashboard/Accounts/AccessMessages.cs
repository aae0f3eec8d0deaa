using LiveOps.Core.Accounts;
using LiveOps.Dashboard.Resources;
using Microsoft.Extensions.Localization;

namespace LiveOps.Dashboard.Accounts;

/// <summary>A Core refusal as a sentence in the user's language.</summary>
public static class AccessMessages
{
    public static string Describe(IStringLocalizer<AccountsResource> localizer, AccessDeniedException refusal) =>
        localizer["Refused", refusal.Actor.Role is { } role ? localizer[$"Role.{role}"].Value : localizer["Role.None"].Value].Value;
}
