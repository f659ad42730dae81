namespace DocService.Pdf.Forms;

public enum FormFieldProblem
{
    /// <summary>The name is empty or has a dot (which would make it a child of another field).</summary>
    InvalidName,
    /// <summary>The document already has a field of this name, or the request names it twice.</summary>
    AlreadyExists,
    /// <summary>The page does not exist.</summary>
    NoSuchPage,
    /// <summary>The rectangle is empty or lies outside the page's media box.</summary>
    OutsidePage,
}

/// <summary>A field that cannot be added as asked; <see cref="FieldName"/> says which.</summary>
public sealed class FormFieldException(string fieldName, FormFieldProblem problem, string message) : PdfException(message)
{
    public string FieldName { get; } = fieldName;
    public FormFieldProblem Problem { get; } = problem;
}
