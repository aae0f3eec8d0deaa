using System.Globalization;

namespace LiveOps.Core.Import;

/// <summary>
/// The texts of import problems in English and Chinese. A problem carries a code and its arguments
/// (<see cref="ImportProblem.Code"/>, <see cref="ImportProblem.Args"/>); its <see cref="ImportProblem.Message"/> is the
/// English text (what the command line prints), and <see cref="ImportProblem.Format"/> renders it for a page's culture.
/// </summary>
public static class ImportText
{
    private static readonly Dictionary<string, (string En, string Zh)> Texts = new(StringComparer.Ordinal)
    {
        // The line and the file
        ["line"] = ("line {0}", "第 {0} 行"),
        ["mapping"] = ("mapping", "映射"),
        ["file.empty"] = ("the file is empty; the first line must name the columns", "文件是空的；第一行必须是列名"),
        ["file.xls"] = ("is an old Excel 97-2003 workbook (.xls); open it in Excel or WPS and save it as .xlsx (Excel workbook) or CSV",
            "是旧版 Excel 97-2003 工作簿（.xls）；请用 Excel 或 WPS 打开并另存为 .xlsx（Excel 工作簿）或 CSV"),
        ["file.zip"] = ("is a zip archive but not an Excel workbook (no xl/workbook.xml inside); export the data as .xlsx or CSV",
            "是 zip 压缩包而不是 Excel 工作簿（其中没有 xl/workbook.xml）；请导出为 .xlsx 或 CSV"),
        ["file.xlsx"] = ("cannot be read as an .xlsx workbook ({0}); the file is damaged or only named .xlsx: save it again from Excel",
            "无法作为 .xlsx 工作簿读取（{0}）；文件已损坏或只是扩展名为 .xlsx：请在 Excel 中重新保存"),
        ["file.tooLarge"] = ("is {0} MB; files up to {1} MB can be imported", "有 {0} MB；最多可导入 {1} MB 的文件"),
        ["import.busy"] = ("another import is running; nothing was written. Try again when it has finished",
            "另一个导入正在进行；未写入任何数据，请在它完成后重试"),
        ["file.overLimit"] = ("is larger than {0} MB; files up to {0} MB can be imported", "超过 {0} MB；最多可导入 {0} MB 的文件"),
        ["record.unclosed"] = ("a quoted field is never closed (or a record is larger than 1 MiB)", "引号字段没有闭合（或一条记录超过 1 MiB）"),
        ["record.strayQuote"] = ("a quote inside an unquoted field; quote the whole field and double the quote (\"\")",
            "未加引号的字段中出现引号；请用引号包住整个字段，并把其中的引号写成两个（\"\"）"),
        ["record.textAfterQuote"] = ("text after the closing quote of a quoted field", "引号字段的结束引号后还有文字"),
        ["record.unterminated"] = ("a quoted field is never closed", "引号字段没有闭合"),
        ["record.fieldCount"] = ("has a different number of fields than the header (an unquoted comma?)", "字段数与表头不同（是否有未加引号的逗号？）"),
        ["record.malformed"] = ("malformed CSV ({0})", "CSV 格式错误（{0}）"),

        // The header
        ["header.notUtf8"] = ("column {0} contains bytes that are not UTF-8 text; save the file as UTF-8 CSV",
            "第 {0} 列含有不是 UTF-8 文本的字节；请把文件另存为 UTF-8 CSV"),
        ["header.sameColumn"] = ("is the same column as {0} ({1}); keep one of them", "与 {0}（{1}）是同一列；请只保留一列"),
        ["header.required"] = ("required column is missing{0}", "缺少必填列{0}"),
        ["header.requiredAliases"] = ("required column is missing (also accepted: {0})", "缺少必填列（也接受：{0}）"),
        ["header.alsoAccepted"] = (" (also accepted: {0})", "（也接受：{0}）"),
        ["header.none"] = ("none of the columns of a {0} file ({1}) is there", "没有 {0} 文件的任何一列（{1}）"),
        ["header.mappedMissing"] = ("column '{0}' named by the mapping is not in the file", "映射指定的列“{0}”不在文件中"),
        ["header.mappedRequired"] = ("required column is missing; name its source column in the mapping's fields",
            "缺少必填列；请在映射的 fields 中指定它的来源列"),
        ["header.duplicate"] = ("appears twice in the header; the mapping cannot tell the two apart", "在表头中出现了两次；映射无法区分这两列"),

        // Values (contract §2)
        ["value.notUtf8"] = ("contains bytes that are not UTF-8 text; save the file as UTF-8 CSV", "含有不是 UTF-8 文本的字节；请把文件另存为 UTF-8 CSV"),
        ["value.control"] = ("contains a control character", "含有控制字符"),
        ["value.required"] = ("is empty; a value is required", "为空；此项必填"),
        ["value.idLength"] = ("is {0} characters long; ids have 1 to {1}", "长度为 {0} 个字符；ID 应为 1 到 {1} 个字符"),
        ["value.timestamp"] = ("'{0}' is not a valid timestamp such as 2026-11-03T20:15:00 or 2026-11-03 20:15:00+08:00",
            "“{0}”不是有效的时间，例如 2026-11-03T20:15:00 或 2026-11-03 20:15:00+08:00"),
        ["value.amountNegative"] = ("'{0}' is negative; amounts are never negative (a refund is a status)", "“{0}”是负数；金额不能为负（退款是一种订单状态）"),
        ["value.amount"] = ("'{0}' is not an amount in yuan such as 129.90", "“{0}”不是以元为单位的金额，例如 129.90"),
        ["value.amountDecimals"] = ("'{0}' has more than {1} decimal places", "“{0}”的小数位超过 {1} 位"),
        ["value.amountTooLarge"] = ("'{0}' is larger than 1,000,000,000 yuan", "“{0}”大于 1,000,000,000 元"),
        ["value.countNegative"] = ("'{0}' is negative; it must be a whole number of 0 or more", "“{0}”是负数；必须是 0 或更大的整数"),
        ["value.count"] = ("'{0}' is not a whole number of 0 or more", "“{0}”不是 0 或更大的整数"),
        ["value.numberNegative"] = ("'{0}' is negative; it must be a number of 0 or more", "“{0}”是负数；必须是 0 或更大的数"),
        ["value.number"] = ("'{0}' is not a number of 0 or more such as 142.5", "“{0}”不是 0 或更大的数，例如 142.5"),
        ["value.decimal"] = ("'{0}' is not a number such as 0.95", "“{0}”不是数字，例如 0.95"),
        ["value.boolean"] = ("'{0}' is not true or false", "“{0}”不是 true 或 false"),
        ["value.enum"] = ("'{0}' is not one of {1}", "“{0}”不是以下值之一：{1}"),

        // Values read through a mapping (contract §5)
        ["mapped.timestamp"] = ("'{0}' is not a valid timestamp such as 2026-11-03 20:15:00, 2026/11/3 20:15 or 2026-11-03T20:15:00+08:00",
            "“{0}”不是有效的时间，例如 2026-11-03 20:15:00、2026/11/3 20:15 或 2026-11-03T20:15:00+08:00"),
        ["mapped.notListed"] = ("'{0}' is not one of the values the mapping lists ({1})", "“{0}”不在映射列出的值中（{1}）"),
        ["mapped.masked"] = ("'{0}' is masked (***): a masked id merges different people into one customer; export the full id or map a buyer account column",
            "“{0}”是打码的值（***）：打码的 ID 会把不同的人合并成一个客户；请导出完整 ID，或改用买家账号列"),
        ["mapped.notNumber"] = ("'{0}' is not a number", "“{0}”不是数字"),
        ["mapped.lostDigits"] = ("'{0}' was stored by Excel as a number and has lost its last digits; format the column as text in the export",
            "“{0}”被 Excel 存成了数字，末尾几位已丢失；请在导出时把该列设为文本"),
        ["mapped.orderDisagrees"] = ("'{0}' differs from '{1}' on line {2}, the first line of order {3}; the rows of one order must agree",
            "“{0}”与订单 {3} 第一行（第 {2} 行）的“{1}”不同；同一订单的各行必须一致"),
        ["mapped.totalDisagrees"] = ("'{0}' differs from the order total '{1}' on line {2}, the first line of order {3} (lines: once)",
            "“{0}”与订单 {3} 第一行（第 {2} 行）的订单总额“{1}”不同（lines: once）"),

        // A tier rule set (tier-rules files and the tiers editor; row numbers count the rules)
        ["tierRule.Empty"] = ("the rule set has no tiers; it needs at least the rank-0 entry tier", "规则集中没有等级；至少需要 rank 为 0 的入门等级"),
        ["tierRule.NameMissing"] = ("the tier needs a name", "等级需要名称"),
        ["tierRule.NameControl"] = ("contains a control character", "含有控制字符"),
        ["tierRule.NameTooLong"] = ("the name is longer than {0} characters", "名称超过 {0} 个字符"),
        ["tierRule.DuplicateName"] = ("'{0}' is already the name of row {1}; names are unique", "“{0}”已是第 {1} 条规则的名称；名称不能重复"),
        ["tierRule.DisplayNameTooLong"] = ("the display name is longer than {0} characters", "显示名称超过 {0} 个字符"),
        ["tierRule.DuplicateDisplayName"] = ("'{0}' is already the display name of row {1}; display names are unique", "“{0}”已是第 {1} 条规则的显示名称；显示名称不能重复"),
        ["tierRule.NoEntryTier"] = ("no tier has rank 0; exactly one entry tier is needed", "没有 rank 为 0 的等级；需要且只能有一个入门等级"),
        ["tierRule.SeveralEntryTiers"] = ("rank 0 is already taken by row {0}; exactly one entry tier is allowed", "rank 0 已被第 {0} 条规则占用；只能有一个入门等级"),
        ["tierRule.EntryTierHasThreshold"] = ("the rank-0 entry tier holds everyone, so it takes no thresholds", "rank 为 0 的入门等级包含所有人，不能设门槛"),
        ["tierRule.NegativeRank"] = ("{0} is negative; ranks run 0, 1, 2, …", "{0} 是负数；rank 依次为 0、1、2、…"),
        ["tierRule.DuplicateRank"] = ("rank {0} is already taken by row {1}", "rank {0} 已被第 {1} 条规则占用"),
        ["tierRule.RankGap"] = ("rank {0} leaves a gap: rank {1} is missing; ranks run 0, 1, 2, … without gaps",
            "rank {0} 留下空缺：缺少 rank {1}；rank 必须依次为 0、1、2、…，不能跳号"),
        ["tierRule.NegativeThreshold"] = ("{0} is negative; a threshold is 0 or more", "{0} 是负数；门槛必须是 0 或更大"),
        ["tierRule.NoThreshold"] = ("tier '{0}' has neither min_spend_12m nor min_orders_12m, so no one could reach it",
            "等级“{0}”既没有 min_spend_12m 也没有 min_orders_12m，没有人能达到"),
        ["tierRule.EasierThanLowerTier"] = ("{0} is below the {1} of lower tier '{2}'; a higher tier is never easier to reach",
            "{0} 低于较低等级“{2}”的 {1}；更高的等级不能更容易达到"),
        ["tierRule.DiscountOutOfRange"] = ("{0} is outside (0, 1]; 0.95 means 95% of the list price", "{0} 不在 (0, 1] 之内；0.95 表示按原价的 95% 付款（9.5折）"),
        ["tierRule.DiscountIncreases"] = ("{0} is more than the {1} of lower tier '{2}'; a higher tier never pays more",
            "{0} 高于较低等级“{2}”的 {1}；更高的等级不能付得更多"),

        // A mapping itself
        ["mapping.json"] = ("is not valid JSON: {0}", "不是有效的 JSON：{0}"),
        ["mapping.object"] = ("must be a JSON object", "必须是 JSON 对象"),
        ["mapping.unknownKey"] = ("'{0}' is not a key of a mapping ({1})", "“{0}”不是映射的键（{1}）"),
        ["mapping.kind"] = ("'{0}' is not a kind ({1})", "“{0}”不是数据类型（{1}）"),
        ["mapping.kindMismatch"] = ("the mapping is for {0}, not {1}", "该映射用于 {0}，而不是 {1}"),
        ["mapping.text"] = ("must be a text", "必须是文本"),
        ["mapping.name"] = ("a mapping needs a name", "映射需要名称"),
        ["mapping.encoding"] = ("'{0}' is not an encoding (auto, utf-8, gb18030)", "“{0}”不是编码（auto、utf-8、gb18030）"),
        ["mapping.lines"] = ("'{0}' is not a way to combine line items (sum, once)", "“{0}”不是合并明细行的方式（sum、once）"),
        ["mapping.linesKind"] = ("line items are combined into orders only; a {0} mapping has no lines", "只有订单会合并明细行；{0} 映射不能设置 lines"),
        ["mapping.fields"] = ("must be an object of target columns", "必须是目标列组成的对象"),
        ["mapping.fieldUnknown"] = ("'{0}' is not a column of {1} ({2})", "“{0}”不是 {1} 的列（{2}）"),
        ["mapping.fieldShape"] = ("must be a column name, {{\"column\": …}}, {{\"value\": …}} or {{\"product\": [A, B]}}",
            "必须是列名、{{\"column\": …}}、{{\"value\": …}} 或 {{\"product\": [A, B]}}"),
        ["mapping.fieldKey"] = ("'{0}' is not a key of a field (column, values, value, product, hash)", "“{0}”不是字段的键（column、values、value、product、hash）"),
        ["mapping.product"] = ("product needs exactly two column names, e.g. [\"数量\", \"单价\"]", "product 需要恰好两个列名，例如 [\"数量\", \"单价\"]"),
        ["mapping.productField"] = ("a product is a number; {0} is not a number column", "乘积是数字；{0} 不是数字列"),
        ["mapping.valuesNeedColumn"] = ("values translate a column; give \"column\" too", "values 用于转换某一列的值；请同时给出 \"column\""),
        ["mapping.valueTarget"] = ("'{0}' (for '{1}') is not one of {2}", "“{0}”（对应“{1}”）不是以下值之一：{2}"),
        ["mapping.constant"] = ("{0}", "{0}"),
        ["mapping.hash"] = ("must be true or false", "必须是 true 或 false"),
        ["mapping.skip"] = ("each rule is {{\"column\": C, \"is\": \"empty\"}} or {{\"field\": F, \"is\": \"negative\"}}",
            "每条规则是 {{\"column\": C, \"is\": \"empty\"}} 或 {{\"field\": F, \"is\": \"negative\"}}"),
        ["mapping.skipField"] = ("'{0}' is not a number column of {1}", "“{0}”不是 {1} 的数字列"),
        ["mapping.timestampFormat"] = ("'{0}' is not a usable date format such as yyyy/M/d H:mm:ss", "“{0}”不是可用的时间格式，例如 yyyy/M/d H:mm:ss"),
        ["mapping.list"] = ("must be a list of texts", "必须是文本列表"),
        ["mapping.notFound"] = ("no mapping or preset is named '{0}' (presets: {1})", "没有名为“{0}”的映射或预设（预设：{1}）"),
        ["mapping.presetName"] = ("'{0}' is the name of a built-in preset; choose another name", "“{0}”是内置预设的名称；请换一个名称"),
    };

    /// <summary>The text of <paramref name="code"/> in <paramref name="culture"/> (Chinese for any <c>zh</c> culture, English otherwise).</summary>
    public static string Format(string code, CultureInfo culture, IReadOnlyList<string> args)
    {
        if (!Texts.TryGetValue(code, out var text))
        {
            return code;
        }
        var template = IsChinese(culture) ? text.Zh : text.En;
        return string.Format(CultureInfo.InvariantCulture, template, [.. args]);
    }

    /// <summary>The English text of <paramref name="code"/>.</summary>
    public static string English(string code, params string[] args) => Format(code, CultureInfo.InvariantCulture, args);

    /// <summary>Whether the code has a text (tests check every code used has one in both languages).</summary>
    public static bool Knows(string code) => Texts.ContainsKey(code);

    public static IEnumerable<string> Codes => Texts.Keys;

    private static bool IsChinese(CultureInfo culture) => culture.TwoLetterISOLanguageName == "zh";
}
