namespace LiveOps.Core.Accounts;

/// <summary>What a signed-in person may do. Every role reads every page and export.</summary>
public enum Role
{
    /// <summary>Manages users and settings, and may do everything an operator does.</summary>
    Admin,

    /// <summary>Imports data, publishes tier rules, plans pushes and creates actions.</summary>
    Operator,

    /// <summary>Team lead: reads every page, export and the audit log; changes nothing.</summary>
    Lead,
}

/// <summary>The actions the server checks before it changes anything (or shows the audit log).</summary>
public enum Permission
{
    Import,
    PublishTierRules,
    PlanPushes,
    ManageUsers,
    ViewAudit,
    CreateActions,
}

/// <summary>The permission matrix, one pure function, and the role names Identity stores.</summary>
public static class Roles
{
    public const string Admin = nameof(Role.Admin);
    public const string Operator = nameof(Role.Operator);
    public const string Lead = nameof(Role.Lead);

    /// <summary>Roles that may change data (for hiding edit controls; the server checks <see cref="May"/>).</summary>
    public const string Editors = Admin + "," + Operator;

    /// <summary>Roles that may browse the audit log.</summary>
    public const string Auditors = Admin + "," + Lead;

    public static IReadOnlyList<Role> All { get; } = [Role.Admin, Role.Operator, Role.Lead];

    /// <summary>
    /// Admin may do everything; Operator may import, publish tier rules, plan pushes and create actions; Lead may only read,
    /// which includes the audit log.
    /// </summary>
    public static bool May(Role role, Permission permission) => permission switch
    {
        Permission.Import or Permission.PublishTierRules or Permission.PlanPushes or Permission.CreateActions => role is Role.Admin or Role.Operator,
        Permission.ManageUsers => role is Role.Admin,
        Permission.ViewAudit => role is Role.Admin or Role.Lead,
        _ => false,
    };

    public static string Name(Role role) => role.ToString();

    /// <summary>Parses the command line's and Identity's spellings (admin, Operator, LEAD).</summary>
    public static bool TryParse(string? text, out Role role) =>
        Enum.TryParse(text, ignoreCase: true, out role) && Enum.IsDefined(role) && !int.TryParse(text, out _);
}
