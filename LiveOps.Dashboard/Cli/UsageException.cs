namespace LiveOps.Dashboard.Cli;

/// <summary>Wrong usage: exit code 2 with the usage text.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>Rejected input: exit code 1 with the reason on stderr.</summary>
public sealed class RejectedInputException(string message) : Exception(message);
