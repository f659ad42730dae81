// The second independent validator of the tests: Debian's iText 5 (with Bouncy Castle), asked
// about each signature of each PDF named on the command line. One line per signature, tab-separated:
//   file  field  whole|partial  intact|broken|error  revision/total  subfilter  detail
// "intact" is iText's PdfPKCS7.verify(): the digest of the signed bytes and the signature value.
// A file iText cannot open prints one line with field "-" and "error". Run with
//   java -cp /usr/share/java/itext5.jar:/usr/share/java/bcprov.jar:/usr/share/java/bcpkix.jar:/usr/share/java/bcutil.jar ItextVerify.java a.pdf ...
import com.itextpdf.text.pdf.AcroFields;
import com.itextpdf.text.pdf.PdfDictionary;
import com.itextpdf.text.pdf.PdfName;
import com.itextpdf.text.pdf.PdfReader;
import com.itextpdf.text.pdf.security.PdfPKCS7;
import java.security.Security;
import org.bouncycastle.jce.provider.BouncyCastleProvider;

public class ItextVerify {
    public static void main(String[] args) {
        Security.addProvider(new BouncyCastleProvider());
        PdfReader.unethicalreading = true;
        for (String file : args) {
            try {
                PdfReader reader = new PdfReader(file);
                AcroFields fields = reader.getAcroFields();
                for (String name : fields.getSignatureNames()) {
                    String whole = fields.signatureCoversWholeDocument(name) ? "whole" : "partial";
                    PdfDictionary value = fields.getSignatureDictionary(name);
                    PdfName subFilter = value == null ? null : value.getAsName(PdfName.SUBFILTER);
                    String revision = fields.getRevision(name) + "/" + fields.getTotalRevisions();
                    String verdict;
                    String detail = "";
                    try {
                        PdfPKCS7 pkcs7 = fields.verifySignature(name, "BC");
                        verdict = pkcs7.verify() ? "intact" : "broken";
                        detail = pkcs7.getDigestAlgorithm();
                    } catch (Exception e) {
                        verdict = "error";
                        detail = String.valueOf(e.getMessage()).replace('\t', ' ').replace('\n', ' ');
                    }
                    System.out.println(String.join("\t", file, name, whole, verdict, revision,
                        subFilter == null ? "-" : subFilter.toString(), detail));
                }
                reader.close();
            } catch (Exception e) {
                System.out.println(String.join("\t", file, "-", "-", "error", "-", "-",
                    String.valueOf(e.getMessage()).replace('\t', ' ').replace('\n', ' ')));
            }
        }
    }
}
