"""Initiatives: named programmes, brands, mechanisms, campaigns, projects and policy papers.

A quoted name counts when a head noun follows it (“高兴办”政务服务品牌) or an action
verb puts it into effect (打造“红色物业”); quoted speech and slogans do not. Unquoted
names count with a strong head (…项目, …制) or as 《…意见/方案/细则》 documents.
"""
from __future__ import annotations

import re

from .base import DocContext, left_chunk

QUOTE = re.compile(r"“([^“”]{2,24})”")
HEAD_NOUNS = ("品牌", "机制", "模式", "工程", "行动", "活动", "服务", "制度", "体系", "平台", "项目",
              "工作法", "专窗", "队伍", "改革", "计划", "主题活动", "公益活动", "建设", "举措",
              "工作", "系统", "专项行动", "宣传月", "月", "周", "节", "赛", "大赛", "展", "图片展",
              "书画展", "集市", "驿站", "服务站", "解决方案", "办事指南", "提醒服务", "帮代办服务",
              "帮办代办", "帮扶救助行动", "政府开放活动", "国际传播品牌", "党建品牌", "三方协商机制",
              "快速反应机制", "工程", "网", "圈", "一件事", "试点", "示范", "数字平台", "政务服务品牌",
              "农产品产销对接体系", "新模式", "新型管理模式", "协调服务治理新模式", "攻坚行动",
              "评选", "奖", "文艺奖", "制")
ACTION_VERBS = ("打造", "推行", "实施", "开展", "创新", "启动", "推出", "搭建", "创建", "深化", "升级",
                "组建", "设立", "构建", "优化", "织密", "建立", "建设", "推进", "探索", "举办", "承办",
                "主办", "参与", "参加", "实行", "落实", "推动", "上线", "发布", "成立", "开通")
ACTION_RE = re.compile("(?:" + "|".join(ACTION_VERBS) + r")[^，。；,;:：“”]{0,3}$")
HEAD_RE = re.compile("(?:" + "|".join(sorted(map(re.escape, HEAD_NOUNS), key=len, reverse=True)) + ")")
DOC_TITLE = re.compile(r"《([^《》]{4,60}(?:意见|方案|细则|办法|规定|条例|规划|通知|决定|措施)(?:（试行）|\(试行\))?)》")
PROJECT = re.compile(r"(项目|工程)(?![部组区地建])")
CJK_AFTER = re.compile(r"(?![的等和与及为、])[\u4e00-\u9fff]")
SPEECH_BEFORE = re.compile(r"(说|表示|道|讲|问|喊|称赞|感叹|笑着)[：:，,]?$")


def initiatives(ctx: DocContext) -> None:
    text = ctx.text
    for ai, si, sent in ctx.sentences():
        for m in QUOTE.finditer(sent.text):
            core = m.group(1)
            qs, qe = sent.start + m.start(), sent.start + m.end()
            if re.search(r"[。！？!?，,；;：:]", core) or core.isdigit():
                continue
            if len(core) == 3 and core[0] == "新":
                continue          # “新模式”, “新防线”: a figure of speech
            before = text[max(sent.start, qs - 12):qs]
            after = text[qe:qe + 14]
            if SPEECH_BEFORE.search(before):
                continue
            h = HEAD_RE.match(after)
            if h and CJK_AFTER.match(after, h.end()):
                h = None          # “操心”项目建设: the head noun runs on into another word
            in_list = text[qe:qe + 1] == "“" or text[qs - 1:qs] == "”"
            acted = ACTION_RE.search(before) is not None
            if not (h or acted and (in_list or len(core) >= 3)):
                continue
            if h and h.group() in ("工作", "建设", "服务", "月", "周", "节", "网", "圈", "制") and not acted \
                    and not in_list:
                continue
            if ctx.covered(qs + 1, qe - 1, ("Agency", "Company", "Organization", "Place", "Official",
                                            "Person")):
                continue
            alias_end = qe + (h.end() if h else 0)
            ctx.add(core, "Initiative", qs + 1, qe - 1, source="initiatives")
            if h:
                ctx.add(text[qs:alias_end], "Initiative", qs, alias_end, name=core,
                        source="initiatives")
        for m in DOC_TITLE.finditer(sent.text):
            s = sent.start + m.start(1)
            ctx.add(m.group(1), "Initiative", s, s + len(m.group(1)), source="initiatives")
        for m in PROJECT.finditer(sent.text):
            hs, he = sent.start + m.start(), sent.start + m.end()
            if text[hs - 1:hs] in "”":
                continue
            start = left_chunk(ctx, sent, hs, max_len=16)
            name = text[start:he]
            if len(name) - len(m.group()) < 4 or ctx.covered(start, he, ("Initiative",)):
                continue
            ctx.add(name, "Initiative", start, he, source="initiatives")
