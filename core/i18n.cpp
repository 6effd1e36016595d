// i18n.cpp — the UI's words in English and Simplified Chinese. Keep keys grouped by screen.
#include "core/i18n.h"

#include <string>
#include <unordered_map>

namespace cw {
namespace {

const I18nEntry kTable[] = {
    // Application frame
    {"app.title", "Callwise", "Callwise 客服工作台"},
    {"app.subtitle", "Call-centre workbench", "呼叫中心工作台"},
    {"menu.workspace", "Workspace", "工作区"},
    {"menu.view", "View", "视图"},
    {"menu.language", "Language", "语言"},
    {"menu.help", "Help", "帮助"},
    {"menu.settings", "Settings", "设置"},
    {"menu.export_workspace", "Export workspace (JSON)", "导出工作区（JSON）"},
    {"menu.large_text", "Large text (presenter)", "大字号（演示）"},
    {"menu.about", "About Callwise", "关于 Callwise"},
    {"lang.en", "English", "English"},
    {"lang.zh", "简体中文", "简体中文"},

    // Home screen
    {"home.welcome", "Welcome to Callwise", "欢迎使用 Callwise"},
    {"home.intro",
     "Triage requests into four quadrants, follow scenario scripts written for each customer "
     "persona, and get warned before a prohibited phrase. Everything runs in this browser tab; "
     "your work is saved on this device.",
     "按四象限对客户诉求分级，按客户画像使用场景化话术，说出禁忌语之前就得到提醒。"
     "一切都在这个浏览器标签页中运行，工作内容保存在本机。"},
    {"home.modules", "Workbench", "工作台模块"},
    {"home.quadrants", "Four-quadrant triage, from the customer's point of view",
     "四象限需求分级：从客户的角度判断"},
    {"quadrant.q1", "Q1  Urgent + important", "第一象限  紧急且重要"},
    {"quadrant.q1.desc", "Handle first. Start the contingency plan; report up during the event.",
     "优先处理。立即启动应急预案，处理过程中逐级上报。"},
    {"quadrant.q2", "Q2  Important, not urgent", "第二象限  重要不紧急"},
    {"quadrant.q2.desc", "Build processes, scenario solutions and drills: time here shrinks Q1.",
     "完善流程、场景方案和演练：在这里投入越多，第一象限越少。"},
    {"quadrant.q3", "Q3  Urgent, not important", "第三象限  紧急不重要"},
    {"quadrant.q3.desc", "Stay alert: it can turn into a complaint, or the urgency can be deceptive.",
     "保持警觉：可能升级为投诉，也可能是伪紧急，需要甄别和引导。"},
    {"quadrant.q4", "Q4  Neither", "第四象限  不紧急不重要"},
    {"quadrant.q4.desc", "The standard process, step by step.", "按标准流程逐步处理。"},
    {"axis.urgency", "more urgent →", "越紧急 →"},
    {"axis.importance", "more important ↑", "越重要 ↑"},
    {"home.module.triage", "Quadrant triage desk", "四象限分级处理台"},
    {"home.module.triage.desc", "Urgent / important, contingency plans, escalation",
     "紧急 / 重要、应急预案、逐级上报"},
    {"home.module.assistant", "Live call assistant", "通话助手"},
    {"home.module.assistant.desc", "Scripts by persona and style, guardrails as you type",
     "按画像与风格的话术，输入时即时提示禁忌语"},
    {"home.module.practice", "Practice and QA", "陪练与质检"},
    {"home.module.practice.desc", "Simulated customers, explained scorecards",
     "模拟客户，可解释的质检评分"},
    {"home.module.insight", "Insight and demo", "洞察与演示"},
    {"home.module.insight.desc", "Dashboard, PDCA, deliverables", "看板、PDCA、交付物"},
    {"home.module.coming", "Arrives with its issue", "随后续版本提供"},

    {"home.notes", "Scratch pad", "便笺"},
    {"home.notes.hint", "Numbers, names and promises heard on a call. Kept on this device.",
     "记下通话中听到的号码、姓名和承诺。只保存在本机。"},

    // Content packs
    {"packs.title", "Content packs", "内容包"},
    {"packs.intro",
     "A pack holds a centre's service design: personas, scenario scripts, guardrails, triage rules, "
     "contingency plans, agent grades and QA scorecards. Import one your consultant wrote, or start "
     "from the demo packs.",
     "内容包包含一个呼叫中心的服务设计：客户画像、场景话术、禁忌语与保密规则、分级规则、应急预案、"
     "坐席级别和质检评分表。可以导入顾问编写的内容包，也可以从演示内容包开始。"},
    {"packs.import", "Import pack…", "导入内容包…"},
    {"packs.add_demo", "Add the demo packs", "添加演示内容包"},
    {"packs.demo_added", "Demo packs added:", "已添加演示内容包："},
    {"packs.imported", "Imported", "已导入"},
    {"packs.not_imported", "Not imported (nothing was changed):", "未导入（工作区未作任何更改）："},
    {"packs.empty", "No content packs yet.", "还没有内容包。"},
    {"packs.col.name", "Pack", "内容包"},
    {"packs.col.industry", "Industry", "行业"},
    {"packs.col.version", "Version", "版本"},
    {"packs.col.content", "Content", "内容"},
    {"packs.scenarios", "scenarios", "个场景"},
    {"packs.personas", "personas", "个画像"},
    {"packs.plans", "plans", "个预案"},
    {"packs.export", "Export JSON", "导出 JSON"},
    {"packs.remove", "Remove", "移除"},
    {"packs.remove_confirm", "Remove this pack from the workspace? Cases that used it keep their text.",
     "从工作区移除此内容包？使用过它的案例会保留其文字。"},
    {"packs.replace_title", "Replace pack?", "替换内容包？"},
    {"packs.replace_text", "The workspace already has this pack. Replace it with the file's version?",
     "工作区中已有此内容包。要用文件中的版本替换吗？"},
    {"packs.replace", "Replace", "替换"},
    {"packs.drop_hint", "Tip: drop a .json pack file anywhere on this page.",
     "提示：可以把 .json 内容包文件直接拖放到本页面上。"},
    {"packs.details", "Findings", "检查结果"},
    {"common.cancel", "Cancel", "取消"},
    {"industry.airline", "Airline", "航空"},
    {"industry.bank", "Bank", "银行"},
    {"industry.travel", "Travel", "旅游"},
    {"industry.hotel", "Hotel", "酒店"},
    {"industry.ride_hailing", "Ride-hailing", "网约车"},
    {"industry.telecom", "Telecom", "电信"},
    {"industry.other", "Other", "其他"},

    // Settings
    {"settings.title", "Settings", "设置"},
    {"settings.profile", "You and your centre", "您与您的呼叫中心"},
    {"settings.agent_name", "Your name", "您的姓名"},
    {"settings.agent_name.hint", "e.g. Li Na", "例如：李娜"},
    {"settings.centre_name", "Centre / client", "呼叫中心 / 客户"},
    {"settings.centre_name.hint", "e.g. Eastern Air hotline", "例如：某航空服务热线"},
    {"settings.grade", "Your grade", "您的级别"},
    {"settings.grade.help",
     "Your grade sets what you may decide alone: deviating from a script, compensation limits.",
     "级别决定您可以自行决定的事项：是否可偏离话术、补偿额度上限。"},
    {"grade.trainee", "Trainee", "新人"},
    {"grade.agent", "Agent", "坐席"},
    {"grade.senior", "Senior agent", "资深坐席"},
    {"grade.lead", "Team lead", "主管"},
    {"settings.display", "Display", "显示"},
    {"settings.language", "Language", "语言"},
    {"settings.large_text", "Large text for presenting", "演示用大字号"},

    // Storage status (status bar and banners)
    {"storage.saved", "Saved on this device", "已保存到本机"},
    {"storage.saving", "Saving…", "正在保存…"},
    {"storage.unsaved", "Changes not yet saved", "有未保存的更改"},
    {"storage.failed", "Saving failed: your latest changes are only in this tab. Export them now.",
     "保存失败：最新更改只存在于本标签页中，请立即导出。"},
    {"storage.memory",
     "This browser does not allow storage here (private mode?). Your work is kept only until "
     "this tab closes: export it to keep it.",
     "此浏览器在此处不允许存储（可能是隐私模式）。您的工作只保留到关闭此标签页为止，请导出保存。"},
    {"storage.readonly",
     "Callwise is open in another tab. This tab is read-only so the two do not overwrite "
     "each other.",
     "Callwise 已在另一个标签页中打开。为避免互相覆盖，本标签页为只读。"},
    {"storage.desktop", "Saved to disk", "已保存到磁盘"},
    {"recovery.title", "Your saved workspace could not be fully read",
     "无法完整读取已保存的工作区"},
    {"recovery.used_previous",
     "The latest save was unreadable; Callwise started from the previous good save. Only the "
     "last change before the problem may be missing.",
     "最近一次保存无法读取；Callwise 已从上一次完好的保存启动，可能只缺少出问题前的最后一次更改。"},
    {"recovery.started_empty",
     "No readable save was found; Callwise started with an empty workspace. The unreadable copy "
     "has been kept aside.",
     "没有找到可读取的保存；Callwise 以空工作区启动。无法读取的副本已另行保留。"},
    {"recovery.reason", "What was wrong:", "问题原因："},
    {"recovery.export", "Export the unreadable copy", "导出无法读取的副本"},
    {"recovery.dismiss", "Dismiss", "关闭提示"},

    // Status bar
    {"status.language", "Language", "语言"},
    {"status.offline_ready", "Works offline", "可离线使用"},

    // About
    {"about.text",
     "Callwise runs entirely in your browser: no server, no account. Data stays on this device "
     "unless you export it.",
     "Callwise 完全在浏览器中运行：无需服务器，无需账号。除非您导出，数据只保存在本机。"},
    {"common.close", "Close", "关闭"},
    {"common.ok", "OK", "确定"},
    {"common.copy", "Copy", "复制"},
};

}  // namespace

const I18nEntry* i18n_table(size_t* count) {
    if (count) *count = sizeof(kTable) / sizeof(kTable[0]);
    return kTable;
}

const char* tr(Lang lang, std::string_view key) {
    static const std::unordered_map<std::string_view, const I18nEntry*> index = [] {
        std::unordered_map<std::string_view, const I18nEntry*> m;
        for (const auto& e : kTable) m.emplace(e.key, &e);
        return m;
    }();
    auto it = index.find(key);
    if (it == index.end()) return key.data();  // visible, so a missing key gets noticed
    return lang == Lang::Zh ? it->second->zh : it->second->en;
}

}  // namespace cw
