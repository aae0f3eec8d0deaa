namespace LiveOps.Dashboard.Cli;

/// <summary>Positional words and <c>--name value</c> options of a one-shot command.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string> _options = new(StringComparer.Ordinal);

    public List<string> Positional { get; } = [];

    /// <param name="flags">Options that take no value (<c>--password-stdin</c>); <see cref="Has"/> tells whether one was given.</param>
    public static bool TryParse(IReadOnlyList<string> args, IReadOnlySet<string> allowedOptions, out CliArguments parsed, out string? problem, IReadOnlySet<string>? flags = null)
    {
        parsed = new CliArguments();
        problem = null;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                parsed.Positional.Add(arg);
                continue;
            }
            var name = arg[2..];
            string? value = null;
            var eq = name.IndexOf('=');
            if (eq >= 0)
            {
                value = name[(eq + 1)..];
                name = name[..eq];
            }
            if (value is null && flags?.Contains(name) == true)
            {
                value = "true";
            }
            else if (!allowedOptions.Contains(name))
            {
                problem = $"unknown option --{name}";
                return false;
            }
            if (value is null)
            {
                if (i + 1 >= args.Count)
                {
                    problem = $"--{name} needs a value";
                    return false;
                }
                value = args[++i];
            }
            if (!parsed._options.TryAdd(name, value))
            {
                problem = $"--{name} is given twice";
                return false;
            }
        }
        return true;
    }

    public string? Option(string name) => _options.GetValueOrDefault(name);

    public bool Has(string name) => _options.ContainsKey(name);

    /// <summary>A whole number above 0 given as <c>--name N</c>, or null when the option is absent; anything else is wrong usage.</summary>
    public int? PositiveInt(string name)
    {
        var text = Option(name);
        if (text is null)
        {
            return null;
        }
        return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new UsageException($"--{name}: '{text}' is not a positive whole number");
    }
}
