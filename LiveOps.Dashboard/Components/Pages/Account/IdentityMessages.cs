using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace LiveOps.Dashboard.Components.Pages.Account;

/// <summary>Identity's problems in the user's language: a string per known code, Identity's English otherwise.</summary>
public static class IdentityMessages
{
    public static string Describe(IStringLocalizer localizer, IdentityError error)
    {
        var text = localizer[$"Identity.{error.Code}"];
        return text.ResourceNotFound ? error.Description : text.Value;
    }
}
