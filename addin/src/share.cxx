// share.cxx: "Save a copy for sharing" (Tools > ALVH Calc), the command
// org.alvhcalc.share:SaveCopy, a protocol handler registered by ProtocolHandler.xcu and put in
// the Tools menu by Addons.xcu. scripts/share.sh runs the same command headless.
//
//   dispatch without arguments   asks where to save (a file picker: .ods, .xlsx, .pdf, the name
//                                "<name> (shared).ods" suggested) and says what happened in a
//                                message box
//   dispatch with URL=<file URL> writes there (the format from the extension) without any
//                                dialog; dispatchWithNotification reports SUCCESS or FAILURE
//                                with a sentence (DispatchResultEvent.Result)
//
// The user's document is never changed: it is stored to a temporary file, the copy is loaded
// hidden, converted (snapshot.cxx), stored where asked, and closed; the temporary file is
// removed whatever happens.

#include <cstring>
#include <exception>
#include <initializer_list>
#include <memory>

#include <cppuhelper/implbase4.hxx>
#include <cppuhelper/supportsservice.hxx>
#include <osl/file.hxx>
#include <rtl/uri.hxx>
#include <rtl/ustring.hxx>

#include <com/sun/star/awt/MessageBoxButtons.hpp>
#include <com/sun/star/awt/MessageBoxType.hpp>
#include <com/sun/star/awt/Toolkit.hpp>
#include <com/sun/star/awt/XMessageBox.hpp>
#include <com/sun/star/awt/XMessageBoxFactory.hpp>
#include <com/sun/star/awt/XWindowPeer.hpp>
#include <com/sun/star/beans/PropertyValue.hpp>
#include <com/sun/star/document/MacroExecMode.hpp>
#include <com/sun/star/document/UpdateDocMode.hpp>
#include <com/sun/star/frame/Desktop.hpp>
#include <com/sun/star/frame/DispatchResultEvent.hpp>
#include <com/sun/star/frame/DispatchResultState.hpp>
#include <com/sun/star/frame/FeatureStateEvent.hpp>
#include <com/sun/star/frame/XController.hpp>
#include <com/sun/star/frame/XDispatchProvider.hpp>
#include <com/sun/star/frame/XDispatchResultListener.hpp>
#include <com/sun/star/frame/XFrame.hpp>
#include <com/sun/star/frame/XModel.hpp>
#include <com/sun/star/frame/XNotifyingDispatch.hpp>
#include <com/sun/star/frame/XStatusListener.hpp>
#include <com/sun/star/frame/XStorable.hpp>
#include <com/sun/star/frame/XTitle.hpp>
#include <com/sun/star/lang/XComponent.hpp>
#include <com/sun/star/lang/XInitialization.hpp>
#include <com/sun/star/lang/XServiceInfo.hpp>
#include <com/sun/star/sheet/XSpreadsheetDocument.hpp>
#include <com/sun/star/ui/dialogs/ExecutableDialogResults.hpp>
#include <com/sun/star/ui/dialogs/FilePicker.hpp>
#include <com/sun/star/ui/dialogs/TemplateDescription.hpp>
#include <com/sun/star/ui/dialogs/XFilePicker3.hpp>
#include <com/sun/star/uno/XComponentContext.hpp>
#include <com/sun/star/util/URL.hpp>
#include <com/sun/star/util/XCloseable.hpp>

#include "snapshot.hxx"

namespace
{
using namespace css;
using rtl::OUString;

constexpr char k_implementation_name[] = "org.alvhcalc.ShareImpl";
constexpr char k_service_name[] = "com.sun.star.frame.ProtocolHandler";
constexpr char k_command[] = "org.alvhcalc.share:SaveCopy";
constexpr char k_menu[] = "org.alvhcalc.share:Menu"; // the "ALVH Calc" submenu itself
constexpr char k_title[] = "Save a copy for sharing";

// The formats, chosen by the output's extension (the first is the default).
struct Format
{
    const char* extension;
    const char* filter;  // the office's filter name
    const char* caption; // in the file picker
};
constexpr Format k_formats[] = {
    {"ods", "calc8", "ODF Spreadsheet (.ods)"},
    {"xlsx", "Calc MS Excel 2007 XML", "Excel 2007-365 (.xlsx)"},
    {"pdf", "calc_pdf_Export", "PDF (.pdf)"},
};

const Format* format_of(const OUString& url)
{
    const sal_Int32 dot = url.lastIndexOf('.');
    if (dot < 0 || dot < url.lastIndexOf('/'))
        return nullptr;
    const OUString extension = url.copy(dot + 1);
    for (const Format& f : k_formats)
        if (extension.equalsIgnoreAsciiCaseAscii(f.extension))
            return &f;
    return nullptr;
}

// The picked name with the extension of its format: the one typed (or kept), else the chosen
// file type's. LibreOffice's own dialog, adjusting the name when the file type changes, turns
// the suggested "x (shared).ods" into "x (shared)xlsx" and then "x (shared)xlsx.xlsx" (measured
// on 7.4): an extension without its dot right after ")" is dropped.
OUString with_extension(const OUString& picked, const OUString& filter)
{
    const Format* format = format_of(picked);
    OUString base = format ? picked.copy(0, picked.lastIndexOf('.')) : picked;
    for (const Format& f : k_formats) {
        const OUString glitch = ")" + OUString::createFromAscii(f.extension);
        if (base.endsWithIgnoreAsciiCase(glitch)) {
            base = base.copy(0, base.getLength() - glitch.getLength() + 1);
            break;
        }
    }
    for (const Format& f : k_formats)
        if (!format && filter.equalsAscii(f.caption))
            format = &f;
    return base + "." + OUString::createFromAscii((format ? format : &k_formats[0])->extension);
}

beans::PropertyValue prop(const char* name, const uno::Any& value)
{
    beans::PropertyValue p;
    p.Name = OUString::createFromAscii(name);
    p.Value = value;
    return p;
}

uno::Sequence<beans::PropertyValue> props(std::initializer_list<beans::PropertyValue> list)
{
    return uno::Sequence<beans::PropertyValue>(list.begin(), static_cast<sal_Int32>(list.size()));
}

[[noreturn]] void fail(const OUString& message) { throw uno::RuntimeException(message); }

OUString system_path(const OUString& url)
{
    OUString path;
    return osl::FileBase::getSystemPathFromFileURL(url, path) == osl::FileBase::E_None ? path
                                                                                       : url;
}

// Closes the hidden copy and removes the temporary file on every path out of share().
struct CopyGuard
{
    OUString temp;
    uno::Reference<util::XCloseable> copy;
    CopyGuard() = default;
    CopyGuard(const CopyGuard&) = delete;
    CopyGuard& operator=(const CopyGuard&) = delete;
    ~CopyGuard()
    {
        try {
            if (copy.is())
                copy->close(true);
        } catch (...) { // an office that refuses to close the copy: it goes with the office
        }
        if (!temp.isEmpty())
            osl::File::remove(temp);
    }
};

class ShareImpl : public cppu::WeakImplHelper4<lang::XInitialization, frame::XDispatchProvider,
                                              frame::XNotifyingDispatch, lang::XServiceInfo>
{
public:
    explicit ShareImpl(const uno::Reference<uno::XComponentContext>& ctx) : m_ctx(ctx) {}

    // ---- XInitialization: the framework passes the frame the command runs in -------------
    void SAL_CALL initialize(const uno::Sequence<uno::Any>& args) override
    {
        for (const uno::Any& a : args) {
            uno::Reference<frame::XFrame> frame;
            if ((a >>= frame) && frame.is())
                m_frame = frame;
        }
    }

    // ---- XDispatchProvider -----------------------------------------------------------------
    uno::Reference<frame::XDispatch> SAL_CALL queryDispatch(const util::URL& url, const OUString&,
                                                            sal_Int32) override
    {
        if (url.Complete.equalsAscii(k_command) || url.Complete.equalsAscii(k_menu))
            return this;
        return nullptr;
    }
    uno::Sequence<uno::Reference<frame::XDispatch>> SAL_CALL
    queryDispatches(const uno::Sequence<frame::DispatchDescriptor>& requests) override
    {
        uno::Sequence<uno::Reference<frame::XDispatch>> out(requests.getLength());
        for (sal_Int32 i = 0; i < requests.getLength(); ++i)
            out.getArray()[i] = queryDispatch(requests[i].FeatureURL, requests[i].FrameName,
                                              requests[i].SearchFlags);
        return out;
    }

    // ---- XDispatch, XNotifyingDispatch -----------------------------------------------------
    void SAL_CALL dispatch(const util::URL& url,
                           const uno::Sequence<beans::PropertyValue>& args) override
    {
        if (url.Complete.equalsAscii(k_command))
            run(args);
    }
    void SAL_CALL
    dispatchWithNotification(const util::URL& url, const uno::Sequence<beans::PropertyValue>& args,
                             const uno::Reference<frame::XDispatchResultListener>& listener) override
    {
        frame::DispatchResultEvent event;
        event.Source = static_cast<cppu::OWeakObject*>(this);
        event.State = frame::DispatchResultState::FAILURE;
        if (url.Complete.equalsAscii(k_command)) {
            const Outcome o = run(args);
            event.State = o.state;
            event.Result <<= o.message;
        }
        if (listener.is())
            listener->dispatchFinished(event);
    }
    void SAL_CALL addStatusListener(const uno::Reference<frame::XStatusListener>& listener,
                                    const util::URL& url) override
    {
        if (!listener.is())
            return;
        frame::FeatureStateEvent state;
        state.Source = static_cast<cppu::OWeakObject*>(this);
        state.FeatureURL = url;
        state.IsEnabled = true;
        listener->statusChanged(state);
    }
    void SAL_CALL removeStatusListener(const uno::Reference<frame::XStatusListener>&,
                                       const util::URL&) override
    {
    }

    // ---- XServiceInfo -----------------------------------------------------------------------
    OUString SAL_CALL getImplementationName() override
    {
        return OUString::createFromAscii(k_implementation_name);
    }
    sal_Bool SAL_CALL supportsService(const OUString& name) override
    {
        return cppu::supportsService(this, name);
    }
    uno::Sequence<OUString> SAL_CALL getSupportedServiceNames() override
    {
        const OUString name = OUString::createFromAscii(k_service_name);
        return uno::Sequence<OUString>(&name, 1);
    }

private:
    struct Outcome
    {
        sal_Int16 state;
        OUString message;
    };

    uno::Reference<uno::XComponentContext> m_ctx;
    uno::Reference<frame::XFrame> m_frame;

    // The command: where to write (URL argument, or ask), then share(); never throws.
    Outcome run(const uno::Sequence<beans::PropertyValue>& args)
    {
        OUString out;
        for (const beans::PropertyValue& a : args)
            if (a.Name == "URL")
                a.Value >>= out;
        const bool interactive = out.isEmpty();
        OUString message;
        try {
            uno::Reference<frame::XController> controller
                = m_frame.is() ? m_frame->getController() : nullptr;
            uno::Reference<frame::XModel> model
                = controller.is() ? controller->getModel() : nullptr;
            if (!uno::Reference<sheet::XSpreadsheetDocument>(model, uno::UNO_QUERY).is())
                fail("Save a copy for sharing works on Calc spreadsheets only");
            if (interactive) {
                out = ask(model);
                if (out.isEmpty())
                    return {frame::DispatchResultState::DONTKNOW, "cancelled"};
            }
            const Format* format = format_of(out);
            if (!format)
                fail("unknown format of " + system_path(out)
                     + ": the name must end in .ods, .xlsx or .pdf");
            if (out == model->getURL())
                fail("the shared copy cannot replace the original: choose another name");
            const alvh_share::SnapshotCounts n = share(model, out, *format);
            message = "Saved the shared copy " + system_path(out) + ": "
                      + OUString::number(n.values) + " formula cells hold their values, "
                      + OUString::number(n.errors) + " error cells their explanation, "
                      + OUString::number(n.empties)
                      + " \"no value\" cells are empty, and every sheet ("
                      + OUString::number(n.sheets) + ") starts with the snapshot banner.";
            if (interactive)
                tell(message, false);
            return {frame::DispatchResultState::SUCCESS, message};
        } catch (const uno::Exception& e) {
            message = e.Message;
        } catch (const std::exception& e) {
            message = OUString::createFromAscii(e.what());
        } catch (...) {
            message = "internal error in the ALVH Calc add-in";
        }
        message = "The shared copy was not saved: " + message;
        if (interactive)
            tell(message, true);
        return {frame::DispatchResultState::FAILURE, message};
    }

    // Original -> temporary file -> hidden copy -> snapshot -> out.
    alvh_share::SnapshotCounts share(const uno::Reference<frame::XModel>& model,
                                     const OUString& out, const Format& format)
    {
        CopyGuard guard;
        if (osl::FileBase::createTempFile(nullptr, nullptr, &guard.temp) != osl::FileBase::E_None)
            fail("cannot create a temporary file (is the temporary directory writable?)");
        uno::Reference<frame::XStorable>(model, uno::UNO_QUERY_THROW)
            ->storeToURL(guard.temp, props({prop("FilterName", uno::Any(OUString("calc8"))),
                                      prop("Overwrite", uno::Any(true))}));
        uno::Reference<lang::XComponent> loaded = frame::Desktop::create(m_ctx)->loadComponentFromURL(
            guard.temp, "_blank", 0,
            props({prop("Hidden", uno::Any(true)), prop("FilterName", uno::Any(OUString("calc8"))),
             prop("MacroExecutionMode", uno::Any(document::MacroExecMode::NEVER_EXECUTE)),
             prop("UpdateDocMode", uno::Any(document::UpdateDocMode::NO_UPDATE))}));
        guard.copy.set(loaded, uno::UNO_QUERY);
        uno::Reference<frame::XModel> copy(loaded, uno::UNO_QUERY);
        if (!copy.is())
            fail("the office could not open a copy of the document");
        const alvh_share::SnapshotCounts counts
            = alvh_share::make_snapshot(copy, alvh_share::banner_text());
        try {
            uno::Reference<frame::XStorable>(copy, uno::UNO_QUERY_THROW)
                ->storeToURL(out, props({prop("FilterName",
                                              uno::Any(OUString::createFromAscii(format.filter))),
                                         prop("Overwrite", uno::Any(true))}));
        } catch (const uno::Exception&) { // the office's own message names its source lines
            fail("cannot write " + system_path(out)
                 + ": check that the folder exists and that you may write there");
        }
        return counts;
    }

    // The file picker: where to save; "" when cancelled.
    OUString ask(const uno::Reference<frame::XModel>& model)
    {
        uno::Reference<ui::dialogs::XFilePicker3> picker = ui::dialogs::FilePicker::createWithMode(
            m_ctx, ui::dialogs::TemplateDescription::FILESAVE_AUTOEXTENSION);
        for (const Format& f : k_formats)
            picker->appendFilter(OUString::createFromAscii(f.caption),
                                 "*." + OUString::createFromAscii(f.extension));
        picker->setCurrentFilter(OUString::createFromAscii(k_formats[0].caption));
        picker->setTitle(OUString::createFromAscii(k_title));
        const OUString url = model->getURL();
        const sal_Int32 slash = url.lastIndexOf('/');
        OUString name;
        if (slash >= 0) {
            picker->setDisplayDirectory(url.copy(0, slash));
            name = rtl::Uri::decode(url.copy(slash + 1), rtl_UriDecodeWithCharset,
                                    RTL_TEXTENCODING_UTF8);
            const sal_Int32 dot = name.lastIndexOf('.');
            if (dot > 0)
                name = name.copy(0, dot);
        } else {
            uno::Reference<frame::XTitle> title(model, uno::UNO_QUERY);
            if (title.is())
                name = title->getTitle();
        }
        picker->setDefaultName((name.isEmpty() ? OUString("Spreadsheet") : name) + " (shared)."
                               + OUString::createFromAscii(k_formats[0].extension));
        if (picker->execute() != ui::dialogs::ExecutableDialogResults::OK)
            return OUString();
        const uno::Sequence<OUString> files = picker->getSelectedFiles();
        if (files.getLength() == 0)
            return OUString();
        return with_extension(files[0], picker->getCurrentFilter());
    }

    void tell(const OUString& message, bool error)
    {
        try {
            uno::Reference<awt::XWindowPeer> parent(
                m_frame.is() ? m_frame->getContainerWindow() : nullptr, uno::UNO_QUERY);
            uno::Reference<awt::XMessageBoxFactory> factory(awt::Toolkit::create(m_ctx),
                                                            uno::UNO_QUERY_THROW);
            uno::Reference<awt::XMessageBox> box = factory->createMessageBox(
                parent, error ? awt::MessageBoxType_ERRORBOX : awt::MessageBoxType_INFOBOX,
                awt::MessageBoxButtons::BUTTONS_OK, OUString::createFromAscii(k_title), message);
            box->execute();
        } catch (const uno::Exception&) { // no window to show it in: the result still says it
        }
    }
};

} // namespace

// Registered by alvh.components: constructor="org_alvhcalc_ShareImpl_get_implementation".
extern "C" SAL_DLLPUBLIC_EXPORT css::uno::XInterface*
org_alvhcalc_ShareImpl_get_implementation(css::uno::XComponentContext* ctx,
                                          const css::uno::Sequence<css::uno::Any>&)
{
    return cppu::acquire(new ShareImpl(ctx));
}
