namespace LiveOps.Core.Common;

/// <summary>
/// The rule for ids and names (customer, order, audience, campaign, push and session ids; nicknames, tier, audience
/// and campaign names, titles): no control characters — NUL and the other C0 controls (tab, line breaks included),
/// DEL and the C1 controls — and no bidirectional overrides or isolates (U+202A–U+202E, U+2066–U+2069), which
/// make a name display as something other than what it is. A tab is refused too: it is invisible in a table and
/// splits a pasted row; write a space instead.
/// </summary>
public static class PlainText
{
    /// <summary>The index of the first character the rule refuses, or -1.</summary>
    public static int FirstControl(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (IsRefused(text[i]))
            {
                return i;
            }
        }
        return -1;
    }

    public static bool HasControl(string? text) => text is not null && FirstControl(text) >= 0;

    /// <summary>
    /// <paramref name="text"/> with every refused character written as <c>\uXXXX</c>: safe to store and show where
    /// a refused value must still be named (the audit log; PostgreSQL refuses NUL in text).
    /// </summary>
    public static string Escape(string text)
    {
        if (FirstControl(text) < 0)
        {
            return text;
        }
        var escaped = new System.Text.StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            _ = IsRefused(c) ? escaped.Append(System.Globalization.CultureInfo.InvariantCulture, $"\\u{(int)c:X4}") : escaped.Append(c);
        }
        return escaped.ToString();
    }

    public static bool IsRefused(char c) => char.IsControl(c) || c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';
}

/// <summary>A text to be stored (a title, a name) that breaks the <see cref="PlainText"/> rule; nothing was written.</summary>
public sealed class ControlCharacterException(string field)
    : Exception($"{field}: contains a control character (a line break, tab, NUL or direction override); remove it")
{
    public string Field { get; } = field;
}
