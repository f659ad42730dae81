namespace DocService.Exchange;

/// <summary>Namespaces and element names of QCVN 102:2016 packages.</summary>
public static class EdXmlNames
{
    /// <summary>The edXML namespace: the root's default namespace and the <c>edXML:</c> prefix of its children.</summary>
    public const string Namespace = "http://www.mic.gov.vn/TBT/QCVN_102_2016";

    public const string Prefix = "edXML";

    public const string XmlDsigNamespace = "http://www.w3.org/2000/09/xmldsig#";
}
