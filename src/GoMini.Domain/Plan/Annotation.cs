namespace GoMini.Domain.Plan;

/// <summary>One entry of the config's `annotations`, carried by hook steps into the state JSON hooks read.</summary>
public sealed record Annotation(string Key, string Value);
