using System.Globalization;

namespace LiveOps.Core.Common;

/// <summary>
/// Why a filter from a URL or the command line was refused: a text code and its arguments, so a page shows it in its
/// language (<see cref="Format"/>) and the command line prints the English <see cref="Message"/>. Each text names the
/// field, the value and the rule it breaks.
/// </summary>
public sealed record QueryProblem(string Code, IReadOnlyList<string> Args)
{
    private static readonly Dictionary<string, (string En, string Zh)> Texts = new(StringComparer.Ordinal)
    {
        ["date.format"] = ("{0}: '{1}' is not a date such as 2026-11-03", "{0}：“{1}”不是日期，例如 2026-11-03"),
        ["date.instant"] = ("{0}: '{1}' is not a date (2026-11-03) or a timestamp (2026-11-03T20:15:00, optional +08:00 or Z)",
            "{0}：“{1}”不是日期（2026-11-03）或时间（2026-11-03T20:15:00，可带 +08:00 或 Z）"),
        ["date.year"] = ("{0}: '{1}' is outside the years {2} to {3} that reports cover",
            "{0}：“{1}”超出了报表支持的年份范围（{2} 年至 {3} 年）"),
        ["range.order"] = ("from must be before to", "开始日期（from）必须早于结束日期（to）"),
        ["range.days"] = ("a range of at most {0} days is needed, not {1}; choose a later from or an earlier to",
            "时间范围最长 {0} 天，当前为 {1} 天；请把开始日期（from）调晚或把结束日期（to）调早"),
        ["range.weeks"] = ("weekly cohorts cover at most {0} weeks, not {1}; choose a later from or an earlier to, or monthly cohorts",
            "按周分群最多覆盖 {0} 周，当前为 {1} 周；请缩短时间范围，或改为按月分群"),
        ["range.months"] = ("monthly cohorts cover at most {0} months, not {1}; choose a later from or an earlier to",
            "按月分群最多覆盖 {0} 个月，当前为 {1} 个月；请缩短时间范围"),
        ["filter.enum"] = ("{0}: '{1}' is not one of {2}", "{0}：“{1}”不是以下值之一：{2}"),
    };

    public static QueryProblem Of(string code, params object[] args) =>
        new(code, args.Select(a => Convert.ToString(a, CultureInfo.InvariantCulture) ?? "").ToArray());

    /// <summary>The English text (the command line's, and the one tests compare).</summary>
    public string Message => Format(CultureInfo.InvariantCulture);

    /// <summary>The text in <paramref name="culture"/>'s language: Chinese for zh, English otherwise.</summary>
    public string Format(CultureInfo culture)
    {
        var (en, zh) = Texts[Code];
        return string.Format(CultureInfo.InvariantCulture, culture.TwoLetterISOLanguageName == "zh" ? zh : en, [.. Args]);
    }

    public override string ToString() => Message;

    /// <summary>Every code has a text in both languages (tests read this).</summary>
    public static IEnumerable<string> Codes => Texts.Keys;
}
