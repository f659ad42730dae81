using System.Runtime.InteropServices;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;

namespace DocService.Signing.Keys;

/// <summary>
/// One loaded instance per PKCS#11 module in the process. C_Initialize and C_Finalize act on the whole
/// module, not on a caller: two signers on one module that each loaded and finalized it would pull it
/// from under each other. Signers share the library here and the last one to let go finalizes it.
/// </summary>
internal static class Pkcs11Modules
{
    static readonly Dictionary<string, (IPkcs11Library Library, int Users)> Loaded = new(StringComparer.Ordinal);
    static readonly Lock Gate = new();

    // Pkcs11Interop 5 loads modules through dlopen from "libdl". Since glibc 2.34 that lives in libc and only
    // libdl.so.2 remains (libdl.so comes with libc6-dev alone), so the name is resolved here.
    static Pkcs11Modules() =>
        NativeLibrary.SetDllImportResolver(typeof(IPkcs11Library).Assembly, (name, _, _) =>
            name == "libdl" && OperatingSystem.IsLinux() && NativeLibrary.TryLoad("libdl.so.2", out var handle) ? handle : IntPtr.Zero);

    public static IPkcs11Library Acquire(string module)
    {
        lock (Gate)
        {
            if (Loaded.TryGetValue(module, out var entry))
            {
                Loaded[module] = (entry.Library, entry.Users + 1);
                return entry.Library;
            }
            var factories = new Pkcs11InteropFactories();
            var library = factories.Pkcs11LibraryFactory.LoadPkcs11Library(factories, module, AppType.MultiThreaded);
            Loaded[module] = (library, 1);
            return library;
        }
    }

    public static void Release(string module)
    {
        lock (Gate)
        {
            if (!Loaded.TryGetValue(module, out var entry))
                return;
            if (entry.Users > 1)
            {
                Loaded[module] = (entry.Library, entry.Users - 1);
                return;
            }
            Loaded.Remove(module);
            entry.Library.Dispose();
        }
    }
}
