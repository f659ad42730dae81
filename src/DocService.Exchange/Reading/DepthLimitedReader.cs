using System.Xml;

namespace DocService.Exchange.Reading;

/// <summary>
/// An <see cref="XmlReader"/> that refuses an element nested deeper than a bound, wherever it is: in the header
/// that is loaded as a tree, or in the body and unknown elements that are skipped (skipping and subtree reading go
/// through <see cref="Read"/>). Everything else is the inner reader's.
/// </summary>
sealed class DepthLimitedReader(XmlReader inner, int maxDepth) : XmlReader, IXmlLineInfo
{
    public override bool Read()
    {
        if (!inner.Read())
            return false;
        if (inner.NodeType == XmlNodeType.Element && inner.Depth >= maxDepth)
        {
            var line = (IXmlLineInfo)inner;
            throw new EdXmlFormatException(EdXmlErrorCodes.TooDeep,
                $"Elements are nested more than {maxDepth} levels deep.", line.LineNumber, line.LinePosition);
        }
        return true;
    }

    public override int AttributeCount => inner.AttributeCount;
    public override string BaseURI => inner.BaseURI;
    public override int Depth => inner.Depth;
    public override bool EOF => inner.EOF;
    public override bool IsEmptyElement => inner.IsEmptyElement;
    public override string LocalName => inner.LocalName;
    public override string NamespaceURI => inner.NamespaceURI;
    public override XmlNameTable NameTable => inner.NameTable;
    public override XmlNodeType NodeType => inner.NodeType;
    public override string Prefix => inner.Prefix;
    public override ReadState ReadState => inner.ReadState;
    public override string Value => inner.Value;
    public override bool CanReadBinaryContent => inner.CanReadBinaryContent;
    public override string GetAttribute(int i) => inner.GetAttribute(i);
    public override string? GetAttribute(string name) => inner.GetAttribute(name);
    public override string? GetAttribute(string name, string? namespaceURI) => inner.GetAttribute(name, namespaceURI);
    public override string? LookupNamespace(string prefix) => inner.LookupNamespace(prefix);
    public override bool MoveToAttribute(string name) => inner.MoveToAttribute(name);
    public override bool MoveToAttribute(string name, string? ns) => inner.MoveToAttribute(name, ns);
    public override bool MoveToElement() => inner.MoveToElement();
    public override bool MoveToFirstAttribute() => inner.MoveToFirstAttribute();
    public override bool MoveToNextAttribute() => inner.MoveToNextAttribute();
    public override bool ReadAttributeValue() => inner.ReadAttributeValue();
    public override void ResolveEntity() => inner.ResolveEntity();

    // Base64 content is text within one element: it cannot nest, so the inner reader streams it.
    public override int ReadContentAsBase64(byte[] buffer, int index, int count) => inner.ReadContentAsBase64(buffer, index, count);
    public override int ReadElementContentAsBase64(byte[] buffer, int index, int count) => inner.ReadElementContentAsBase64(buffer, index, count);

    public bool HasLineInfo() => inner is IXmlLineInfo info && info.HasLineInfo();
    public int LineNumber => inner is IXmlLineInfo info ? info.LineNumber : 0;
    public int LinePosition => inner is IXmlLineInfo info ? info.LinePosition : 0;

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
