namespace NasFunctions.Api;

/// <summary>An error body in RFC 9457 problem-details form; <c>errors</c> lists every spec problem.</summary>
public sealed record ProblemDetails(string Type, string Title, int Status, string Detail, IReadOnlyList<object>? Errors);
