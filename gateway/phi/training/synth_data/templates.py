"""Document templates for the synthetic PHI corpus, grouped into styles and families.

Template language (see `gateway.phi.training.synth`):

    {slot} / {slot:arg}   a filler (PHI values are labelled, clinical vocabulary is not)
    {a|b|c}               one alternative, chosen uniformly
    {?a|b}                optionally (p = 1/2) one alternative

A family is a group of templates sharing structure and phrasing. Each family
belongs to one split; `split="test"` only ever renders test families, so the test
split's phrasings are unseen in training. Every style has at least one family in
each split.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Family:
    style: str
    name: str
    split: str          # "train" or "test"
    templates: tuple[str, ...]


STYLE_WEIGHTS = (
    ("chat_prompt", 14), ("portal_message", 12), ("discharge_summary", 7), ("referral_letter", 5),
    ("prior_auth", 4), ("radiology_report", 5), ("pathology_report", 4), ("billing_claim", 6),
    ("nursing_note", 13), ("ed_triage", 7), ("medication_list", 5), ("lab_result_message", 6),
    ("telephone_encounter", 7), ("care_coordination_email", 6),
)

# Styles that a chat prompt may wrap ("Summarize this note: ...").
_NOTE_STYLES = "nursing_note,ed_triage,telephone_encounter,discharge_summary,radiology_report,lab_result_message"

F: list[Family] = []


def family(style: str, name: str, split: str, *templates: str) -> None:
    F.append(Family(style, name, split, tuple(templates)))


# =========================================================================== chat prompts

family("chat_prompt", "chat.summarize", "train",
       "{Summarize this note for the handoff|Summarize this for sign-out|Can you summarize the following for the night team|"
       "tl;dr this please|Please turn this into a one-liner for rounds|Give me a 3-bullet summary of this}:\n\n{embed:" + _NOTE_STYLES + "}",
       "{Summarize|Condense} the note below {for the covering resident|for my handoff to {drl:resident}|into a brief SBAR}. "
       "{Keep the meds and the follow-up.|Don't drop the code status.|Under 100 words please.}\n\n---\n{embed:" + _NOTE_STYLES + "}\n---",
       "I'm covering for {drl:attending} tonight. What do I need to watch for with this patient?\n\n{embed:nursing_note,ed_triage,discharge_summary}",
       )

family("chat_prompt", "chat.draft_reply", "train",
       "Draft a reply to {pt_first}'s portal message below. {Be warm but brief|Keep it short and friendly|Use plain language}, "
       "and tell {pronoun:him} we {will call|will send the refill|can see {pronoun:him} sooner} {?by {date_ny:fu}}.\n\n\"{embed:portal_message}\"",
       "Draft a response to this message from {pt}. {I want to decline the antibiotic request politely.|"
       "Explain that {drug} can cause this.|Recommend an urgent care visit if it gets worse.}\n\n{embed:portal_message}",
       "help me answer this patient msg, {pronoun:he}'s {age} and on {med}:\n{embed:portal_message}",
       )

family("chat_prompt", "chat.inline_question", "train",
       "{pt_formal} ({age_sex}, {mrn_l}) is on {med} and {med}; {pronoun:his} {lab} today. "
       "Any interaction concerns before I start {drug}?",
       "Pt is a {age_adj} {pronoun:male} with {dx} and {dx}, admitted {date:admit} to {hosp}. Write a brief HPI. "
       "{pronoun:He} reports {cc} since {date_ny:onset}{?, worse {month:in}}. {?PMH: {pmh}.} {?{Pronoun:His} {rel} is at bedside.}",
       "Write a work note for {pt} excusing {pronoun:him} from {employer} from {date_ny:visit} through {date_ny:fu}. "
       "Diagnosis can stay vague.",
       "What ICD-10 code fits {dx}? Patient {pt_lf}, DOB {dob}, seen {date:visit} by {dr:pcp}.",
       "{Quick question|Question}: {pt_init}, {age_sex}, {year}, now with {cc}. {vitals}. {labs}. "
       "Is a {eponym:dx} workup reasonable or am I overthinking it?",
       "Can you check my dosing? {pt_full}, {age}, wt {n:48-130} kg, CrCl about {n:15-90}. Currently {med}. "
       "Planning {med}. Pharmacy at {pharmacy} flagged it ({cphone:pharm}).",
       )

family("chat_prompt", "chat.rewrite_plain", "train",
       "Rewrite this in plain language for the patient ({pt_first}, reads at about a {n:4-8}th grade level):\n\n"
       "{embed:discharge_summary,lab_result_message,radiology_report}",
       "Make this sound less scary for {pt_formal} and {pronoun:his} {rel_word}, {rel_name}. Keep all the dates.\n\n"
       "{embed:radiology_report,pathology_report,lab_result_message}",
       "Translate the key points of this into Spanish for {pt_first_last} (phone {phone}) -- {pronoun:he} lives with {pronoun:his} "
       "{rel} in {city_st}:\n\n{embed:discharge_summary,medication_list}",
       )

family("chat_prompt", "chat.extract", "test",
       "Extract the {medication list|follow-up appointments|problem list|allergies and meds} from this note as JSON "
       "with fields name, dose, frequency.{? Skip anything that was stopped. If a dose is missing, use null. Output only the JSON.}"
       "\n\n{embed:medication_list,discharge_summary,telephone_encounter}",
       "From the text below, list every test that is still pending and who owns it. Patient: {pt_lf} / {mrn}.\n\n"
       "{embed:discharge_summary,lab_result_message,pathology_report}",
       "pull the key numbers out of this for my spreadsheet (pt {pt_last}, {age_sex}):\n{embed:lab_result_message,billing_claim}",
       )

family("chat_prompt", "chat.letters", "test",
       "Write a letter to {pt_formal}'s landlord at {addr} supporting a request for a first-floor unit. "
       "{Pronoun:He} has {dx} and {eponym:dx}. {wordneg}. {?{Pronoun:He} told me \"{pt_says}\" }Sign it from {drn:pcp}, {clinic}, {cphone}.",
       "Compose an appeal to {payer} for {pt_full} (member {plan_id}, DOB {dob}). They denied {drug} on {date_y:denial}, "
       "claim {claim_no}. {Pronoun:He} failed {drug} and {drug} in {yr}.",
       "I need a school note for {pt_first_last} at {school}: out {date_ny:onset} to {date_ny:fu} for {dx}. Parent is {rel}, "
       "{rel_email}.",
       "Draft a sympathy card to {rel_full}, {pt_formal}'s {rel_word}. {pt_first} died at {hosp} on {date:dc} at {old_age}. "
       "{Pronoun:He} was a kind person.",
       )


# =========================================================================== patient portal messages

family("portal_message", "portal.refill", "train",
       "hi dr {dr_last:pcp}, this is {pt} {?(dob {dob})}. {?{pt_says} }i ran out of my {drug} and {pharmacy} says they need a new script. "
       "can you send it {?today}? my number is {phone} {?if you need me}. thanks {?so much}\n{?- {pt_first}|{pt_first}}",
       "Hello, I need a refill on {med}. I usually use {pharmacy} {?on {street_only}} but I moved to {city}, can you send it to "
       "{pharmacy_short} near me instead? {?Also my {drug} is almost out too.} Thank you, {pt_full}",
       "{Dr. |dr }{dr_last:pcp} {?and team},\nPharmacy said my insurance wont cover {drug} anymore, they want a prior auth. "
       "my {payer} id is {plan_id}. {?call me {phone} or email {email}} \n{pt_first}",
       )

family("portal_message", "portal.symptom", "train",
       "Hi, I have been having {cc} since {date_ny:onset}. {pt_says} {?{pt_says} }{?It was also bad {month:in}.} My {rel} thinks I should come in {?but I don't want to go to {facility}}. "
       "{?I took {drug} and it didnt help.} You can reach me at {phone} or {email}.\n- {pt_first}",
       "hi its {pt_first_last}. {?{pt_says} }the {drug} is making me dizzy and i fell {?last night|yesterday} in the kitchen. "
       "im ok but my {rel_word} {rel_name} wants me to ask. {?we hope to avoid the er.} {?my cell is {phone}}",
       "Dear Dr. {dr_last:pcp}, since my visit on {date:prev} my {cc} is {worse|about the same|a little better}. {pt_says} {?{pt_says} }"
       "{?My sugars have been 180s-200s.} Should I keep taking {med}? {?I will be in {state} until {date_ny:fu}.} "
       "Best, {pt_full} {?({phone})}",
       )

family("portal_message", "portal.admin", "train",
       "need to reschedule my appt on {date:appt} with {drl:pcp}. {?{pt_says} }{?i work at {employer} now and cant get off.} "
       "also my address changed to {addr}. {?i moved out of {county} so do i need a new pcp?} thx {pt_first}",
       "Hello, please update my records. New phone {phone}, new email {email}. My insurance changed to {payer} "
       "(member ID {member_id}, group {group_no}). {?I also need a copy of my records from {yr}.} {pt_lf}",
       "hi, i keep getting locked out of the portal, it says too many attempts from {ip}. my username is {email} and dob "
       "{dob}. {?i posted about it on {social} lol.} can someone reset it? {pt_first}",
       "This is {pt_full}, DOB {dob}. {?{pt_says} }I got a bill for {money} for my visit on {date:service} but I already paid. "
       "Account {acct}. {?Please call me at {phone}.}",
       )

family("portal_message", "portal.caregiver", "test",
       "Hi, this is {rel_name}, {pt_first}'s {rel_word}. {Pronoun:He} is {age} and has been {more confused|sleeping a lot|not eating} "
       "since {date_ny:onset}. {?{Pronoun:He} was fine {month:in}.} {?We live in {hood} and} {?the VNA nurse from {homehealth} came {date_ny:prev}.} "
       "{?{Pronoun:He} says \"{pt_says}\" }Can someone call me at {phone:rel}? {?My email is {rel_email}.}",
       "Good morning. I am writing for my {rel_word} {pt_full} (DOB {dob}). {?{Pronoun:He} has lived in {county} since {yr}.} {Pronoun:He} was discharged from {hosp} "
       "on {date:dc} {?and told me \"{pt_says}\" }and the paperwork says follow up with Dr. {dr_last:pcp} but nobody called. {?Our address is {addr}.} "
       "Thanks, {rel_full}",
       "hello my {rel_word} {pt_first} is {old_age} and {pronoun:he} keeps asking about the {drug}. i will bring {pronoun:him} "
       "{date_ny:appt}. {?is there parking at {clinic}?}",
       )

family("portal_message", "portal.forms", "test",
       "{?{pt_says} }can you fill out the FMLA form for my job at {employer}? hr fax is {fax}. i was out from {date_ny:onset} "
       "to {date_ny:fu}. {?my ssn last 4 is {ssn4}.} - {pt_first}",
       "Hi {dr_first:pcp}, {?{pt_says} }the disability paperwork needs my driver's license # {dl} and my SSN {ssn}. {?Is it safe to send "
       "here?} I can drop it at {clinic} {?on {street_only}} {date_ny:appt}. {pt_full}",
       "{peds}Please send my {age_adj} child's immunization record ({vaccine}, {vaccine}) to {school}. Their email is {demail:staff}. "
       "Child: {pt_full}, DOB {dob}. Thank you! {rel_name}",
       )


# =========================================================================== discharge summaries

family("discharge_summary", "dc.classic", "train",
       "DISCHARGE SUMMARY\n\nPatient: {pt_caps_lf}{   |  |\n}MRN: {mrn}{   |\n}DOB: {dob}\n"
       "Admission Date: {date_y:admit}\nDischarge Date: {date_y:dc}\nAttending: {drn:attending}\n{?PCP: {drn:pcp}\n}\n"
       "Admitting Diagnosis: {dx_icd}\nDischarge Diagnosis: {dx_icd}\n\n"
       "HISTORY OF PRESENT ILLNESS: {pt_formal} is a {age_adj} {pronoun:man} with {pmh} who presented to {hosp} with {cc}. "
       "{?{Pronoun:He} lives with {pronoun:his} {rel} in {city}.} {?Family history: {father|mother|brother} had {dx} at age {n:38-84}.} {?History notable for {year}.}\n\n"
       "HOSPITAL COURSE: {Pronoun:He} was admitted to {the floor|ICU|the MICU|telemetry|step-down|med-surg} and treated with {med}. {finding}. {plan}. "
       "{?Course complicated by {dx}.} {?Echo with {ef}.} {?{eponym:sign} was noted.} Labs on discharge: {labs}.\n\n"
       "{?PHYSICAL EXAM AT DISCHARGE: {vitals}. {finding}. {finding}.\n\n}"
       "{?PERTINENT RESULTS:\n{labs:nl}\n{imaging} {imaging}\n\n}"
       "{?PROBLEM-BASED COURSE:\n# {dx}: {plan}. {?{med}.}\n# {dx}: {plan}.\n# {dx}: {plan}. {?{wordneg}.}\n\n}"
       "DISCHARGE MEDICATIONS:\n{meds:num}\n\n"
       "FOLLOW-UP: {drl:pcp} at {clinic}, {cphone}, on {date:fu}{ at {time}|}. {?{specialty} in {n:2-6} weeks.}\n"
       "{?PATIENT INSTRUCTIONS: Call {cphone} or return to {the ED|the ER|urgent care} for {cc}. {?Do not drive until cleared by {drl:specialist}.}\n}"
       "DISPOSITION: {Home with services from {homehealth}|{snf}|Home with {rel_word}}.\nCODE STATUS: {Full code|DNR/DNI|DNR, OK to intubate}\n\n"
       "Electronically signed by {drn:attending} on {dt:dc}",
       "DISCHARGE SUMMARY -- {hosp_full}\nName: {pt_lf}  |  {mrn_l}  |  Acct: {acct}\n"
       "Admit: {date_num:admit}   D/C: {date_num:dc}   LOS: {n:1-12} days\n\n"
       "Principal problem: {dx}\nSecondary: {pmh}\n\nBRIEF HOSPITAL COURSE\n{Pronoun:He} presented with {cc}. {vitals}. "
       "{labs}. {plan}; {plan}. {?Seen by {specialty} ({drl:consultant}).} {?{procedure} performed {date_ny:sx}.}\n\n"
       "DISCHARGE MEDS\n{meds:dash}\n\nAllergies: {allergy}\n\nFollow up with {drn:pcp} {within 1 week|on {date:fu}}. "
       "{?Call {cphone} with questions.}\n\n-- {dr_lf:attending}",
       )

family("discharge_summary", "dc.narrative", "train",
       "{pt_full} is a {age_adj} {pronoun:man} with a history of {pmh} who was admitted to {hosp} on {date:admit} for {dx}. "
       "{Pronoun:He} was {brought in by {pronoun:his} {rel}|found down at home by a neighbor|sent from {snf}|referred by {dr:pcp}} "
       "after {cc}. {?{Pronoun:He} emigrated from {country} in {yr}.} {?Last hospitalization was {month:in}.} {?Home address on file: {addr}.}\n\nIn {the ED|the ICU|the ER} {pronoun:he} was started on {med} and {med}. {finding}. "
       "{imaging} {?{Pronoun:He} was seen by {dr:therapist} who recommended {rehab|home PT|a rolling walker}.} "
       "{plan}. By {date_ny:dc} {pronoun:he} was {ambulating with assistance|back to baseline|tolerating a regular diet}.\n\n"
       "{Pronoun:He} is discharged {home|to {snf}} on {date_y:dc}. Medications: {meds:comma}. "
       "Follow up with {dr:pcp} {?at {clinic}} on {date_ny:fu}; {?the {specialty} clinic will call {pronoun:him} at {phone}.} "
       "{?HCP: {rel}, {phone:rel}.}",
       "Hospital course summary for {pt_first_last} ({mrn_l}, {age_sex}): admitted {date:admit} with {cc}, "
       "treated for {dx}. {labs}. Discharged {date:dc} to {home|{snf}}. Pending at discharge: {pending blood cultures|{eponym:dx} testing|"
       "path from {specimen_no}}. {?Notify {drl:pcp} ({cphone}) of results.}",
       )

family("discharge_summary", "dc.structured", "test",
       "HOSPITAL DISCHARGE NOTE\n{hosp_full} | {Medicine|Cardiology|General Surgery|Hospitalist} Service\n\nName: {pt_full}   Sex: {pronoun:M}   DOB: {dob}   Age: {age_num}\n"
       "{mrn_l}   CSN: {csn}   Room: {room}\nAdmitted: {dt:admit}   Discharged: {dt:dc}\nDischarging clinician: {drn:attending}\n"
       "Primary care: {drn:pcp}, {clinic}, {cphone:pcp}\n\nREASON FOR ADMISSION\n{cc} in the setting of {dx}. {?{Pronoun:He} was "
       "last admitted {month:in}.} {?{year}.}\n\nCONSULTS\n- {specialty}: {dr:consultant}\n- {specialty}: {dr:specialist}\n\n"
       "PROCEDURES\n- {procedure} ({date_ny:sx}) by {dr:surgeon}\n{?- {Foley catheter|Swan-Ganz catheter|Hickman line|Jackson-Pratt drain} placement\n}\nDISCHARGE EXAM\n{vitals}\n{finding}. {finding}. "
       "{finding}.\n\nDISCHARGE LABS\n{labs:nl}\n\nPENDING ITEMS\n- {specimen_no} final read ({drl:pathologist})\n- {pending blood "
       "cultures|repeat BMP|repeat CBC|{eponym:dx} serologies}\n\nMEDICATION CHANGES\nNEW: {med}\nCHANGED: {med}\nSTOPPED: {drug}\n\n"
       "FULL MEDICATION LIST\n{meds:dash}\n\nFOLLOW-UP APPOINTMENTS\n- {drl:pcp}, {date:fu} {time}\n- {specialty} ({drl:consultant}), "
       "{date:next}, {clinic2}, {org_addr:c2}\n\nCONTACTS\nHealth care proxy: {rel}, {phone:rel}{?, {rel_email}}\n"
       "Home: {addr}\nPhone: {phone}\n\nDischarge condition: {stable|improved|guarded}. {wordneg}.",
       )

family("discharge_summary", "dc.transfer", "test",
       "INTERFACILITY TRANSFER SUMMARY\nFrom: {hosp_full}, {facility}\nTo: {snf}\nTransfer date: {date_y:dc}\n\n"
       "Resident: {pt_lf}    DOB: {dob}    Age: {age_num}\nMedicare ID: {mbi}\n{?Secondary: {payer} {member_id}\n}"
       "Responsible party: {rel}, {phone:rel}\n\nReason for hospitalization: {dx}, {dx}. {?Prior admission {month:in}.}\nDevices: {device}"
       "{?; UDI {udi}}\nLines/drains: {Foley catheter|PICC R basilic, placed {date_ny:sx}|none}\n"
       "Functional status: {wordneg}. {score}.\n\nMedications:\n{meds:nl}\n\nLast doses given {date_ny:dc} at {time}.\n"
       "Sending physician: {drn:attending}, pager via operator {cphone}\nReport called to {staff} RN at {time}.",
       "TRANSFER NOTE -- {pt_caps_full} ({age_sex}) -- {mrn}\nTransferred {date:dc} from {hosp_short} to {hosp2}"
       " for {procedure}. {?Family ({rel}) aware and meeting {pronoun:him} there.} {vitals}. {labs}.\nAccepting: {drn:consultant}. "
       "Sending: {drn:attending}. Records faxed to {fax} with cover ref {ref_no}.",
       )


# =========================================================================== referral letters

family("referral_letter", "ref.letter", "train",
       "{clinic}\n{org_addr:clinic}\nTel {cphone}  Fax {fax}\n\n{date_y:visit}\n\nDear Dr. {dr_last:specialist},\n\n"
       "Thank you for seeing {pt_full} (DOB {dob}), a {age_adj} {pronoun:man} whom I am referring for evaluation of {dx}. "
       "{Pronoun:He} has {pmh}. {?{Pronoun:His} symptoms began {month:in}.} {?In {pronoun:his} words, \"{pt_says}\" }{letter_line} Recent labs: {labs}. {?{imaging}}\n\n"
       "Current medications include {meds:comma}. Allergies: {allergy}.\n\n"
       "{Pronoun:He} can be reached at {phone}{?; {pronoun:his} {rel} may accompany {pronoun:him}}. Insurance: {payer}, ID {plan_id}.\n\n"
       "Sincerely,\n\n{drn:pcp}\n{?NPI {npi:pcp}}",
       "Re: {pt_lf}, DOB {dob}, {mrn_l}\n\nDear {drl:specialist},\nI'd appreciate your opinion on my patient {pt_formal}, "
       "{age}, with {cc} and a positive {eponym:sign} on exam. {?Workup so far: {labs}.} {Pronoun:He} prefers appointments after "
       "{n:1-4} pm{? ({pronoun:he} tells me \"{pt_says}\")} and speaks {Spanish|Portuguese|Haitian Creole|Vietnamese|English}. {?An interpreter may be needed.}\n\n"
       "Regards,\n{drn:pcp}\n{clinic} | {cphone} | fax {fax}",
       )

family("referral_letter", "ref.form", "train",
       "REFERRAL REQUEST\nDate: {date_num:visit}\nReferring provider: {drn:pcp}   NPI: {npi:pcp}\nPractice: {clinic}\n"
       "Phone: {cphone}   Fax: {fax}\n\nPATIENT\nName: {pt_caps_lf}\nDOB: {dob}   Sex: {pronoun:M}\nAddress: {addr}\n"
       "Phone: {phone}\nInsurance: {payer}   Member ID: {plan_id}   Group: {group_no}\n\nREFERRED TO: {specialty}, "
       "{drn:specialist}, {clinic2}\nReason: {dx_icd}\nUrgency: {Routine|Urgent|Within 2 weeks}\nReferral #: {ref_no}\n"
       "Notes: {cc}; {?{year};} {wordneg}.",
       "Referral -> {specialty}\nPt: {pt_lf} | {mrn} | {dob}\nDx: {dx_icd}\nQuestion: {?r/o {eponym:dx}?} eval and treat\n"
       "Auth #: {auth_no} ({payer})\nSend notes to {drl:pcp}, fax {fax}",
       )

family("referral_letter", "ref.consult_reply", "test",
       "{clinic2}\n{org_addr:c2}\n\n{date_y:visit}\n\n{drn:pcp}\n{clinic}\n\nRE: {pt_full}\nDOB: {dob}\n\n"
       "Dear {drl:pcp},\n\nI had the pleasure of seeing your patient {pt_formal} today in {specialty} consultation for {dx}. "
       "As you know, {pronoun:he} is a {age_adj} {pronoun:gentleman} with {pmh}. {Pronoun:He} was accompanied by {pronoun:his} {rel}. {?{Pronoun:He} reports, \"{pt_says}\" }{letter_line}\n\n"
       "On exam, {vitals}. {finding}. {?{finding}.} Data reviewed: {labs}.\n\nImpression: {dx}. {?Rule out {eponym:dx}.}\n"
       "Recommendations:\n1. {plan}\n2. {med}\n3. Return in {n:2-12} weeks{?, sooner on {date_ny:next}}.\n\n"
       "Thank you for this referral.\n\n{drn:specialist}\n{?DEA {dea:specialist}, }NPI {npi:specialist}",
       )


# =========================================================================== prior authorization

family("prior_auth", "pa.form", "train",
       "PRIOR AUTHORIZATION REQUEST\nPayer: {payer}   Fax: {fax:payer}\n\nMember: {pt_caps_lf}   DOB: {dob}\n"
       "Member ID: {plan_id}   Group: {group_no}\n\nPrescriber: {drn:prescriber}\nNPI: {npi:prescriber}   DEA: {dea:prescriber}\n"
       "{clinic}, {org_addr:clinic}\nPhone {cphone}   Fax {fax}\n\nMedication: {med}\nDiagnosis: {dx_icd}\n"
       "Previous therapies: {drug} ({yr}), {drug}\nClinical notes: {labs}. {?{score}.}\n\nPrescriber signature: {dr:prescriber}   Date: {date_num:visit}",
       "PA request -- {drug}\nPt {pt_lf}, DOB {dob}, {payer} ID {plan_id}\nDx {icd}; tried {drug} x {n:3-12} mo, failed. "
       "A1c trend: {lab}. Rx by {drn:prescriber} (NPI {npi:prescriber}). Case ref {auth_no}. Callback {cphone}.",
       )

family("prior_auth", "pa.letter", "train",
       "{date_y:visit}\n\nTo whom it may concern,\n\nI am writing to request coverage of {drug} for my patient {pt_full}, "
       "{payer} ID {plan_id}, date of birth {dob}. {Pronoun:He} has {dx} ({icd}) {?diagnosed in {yr}} and has failed {drug} "
       "and {drug}. Without {drug}, {pronoun:he} is at high risk of {readmission|falls|a COPD flare|progression}.\n\n"
       "Relevant data: {labs}. {?{eponym:dx}.} {letter_line} {?{letter_line}}\n\nPlease contact my office at {cphone} or fax {fax} with questions.\n\n"
       "{drn:prescriber}\nNPI {npi:prescriber}\n{lic:prescriber}",
       )

family("prior_auth", "pa.appeal", "test",
       "RE: Level {1|2} appeal of adverse determination\nMember: {pt_lf}\nMember ID: {plan_id}\nClaim #: {claim_no}\n"
       "Reference #: {auth_no}\nDate of denial: {date_y:denial}\nService: {procedure} ({cpt})\n\n"
       "The request was denied as not medically necessary. {pt_formal} is {age} with {dx}; {pronoun:he} {?failed conservative "
       "therapy {month:in} and} remains symptomatic. {wordneg}. Imaging on {date:imaging} showed: {imaging}\n\n{letter_line} {?{letter_line} }I respectfully request "
       "reconsideration. Peer-to-peer: {drn:surgeon}, {cphone}, {demail:surgeon}.\n\n{clinic} | Tax ID on file | fax {fax}",
       )


# =========================================================================== radiology

family("radiology_report", "rad.ct", "train",
       "EXAM: {CT ABDOMEN/PELVIS WITH CONTRAST (CPT 74177)|CT HEAD WITHOUT CONTRAST (CPT 70450)|CT CHEST PE PROTOCOL (CPT 71275)|CT A/P W/O CONTRAST (CPT 74176)}\n"
       "ACCESSION: {accession_no}\nPATIENT: {pt_caps_lf}   MRN: {mrn}   DOB: {dob}\nDATE OF SERVICE: {dt:imaging}\n"
       "ORDERING: {drn:attending}\n{?LOCATION: {hosp_short} {facility}\n}\nCLINICAL HISTORY: {age_adj} {pronoun:male} with {cc}. "
       "{?{year}.}\n\nCOMPARISON: {{monthyear:prev}|None.}\n\nFINDINGS:\n{imaging}\n{imaging}\n{imaging}\n\nIMPRESSION:\n1. {imaging}\n"
       "2. {imaging}\n\n{?Findings discussed with {dr:attending} by phone at {time}.\n}Dictated by: {drn:radiologist}\n"
       "Signed: {dt:imaging}",
       "{hosp_full} -- Department of Radiology\n{org_addr:hosp}\n\nName: {pt_lf}   {mrn_l}   Acc #: {accession_no}\n"
       "Exam date: {date_y:imaging}\nReferring: {dr_lf:pcp}\n\nTECHNIQUE: Axial images {with|without} IV contrast. "
       "{?Dose report: {n:200-900} mGy-cm.}\nFINDINGS: {imaging} {imaging} {imaging}\nIMPRESSION: {imaging}\n\n{drn:radiologist}",
       )

family("radiology_report", "rad.xr_device", "train",
       "CHEST X-RAY, 2 VIEWS (CPT 71046)\nPatient: {pt_lf} ({age_sex})   MRN {mrn}   Acc {accession_no}\nDate: {dt:imaging}\n\n"
       "History: {cc}; {pmh}.\n\nFindings: {A dual-chamber pacemaker|An ICD|A loop recorder} ({mfr:cardiac}{, SN |, serial |, S/N }{serial}) "
       "projects over the left chest with leads in expected position. {imaging} {imaging}\n\nImpression: {imaging}\n\n"
       "{drn:radiologist}, {dt:imaging}",
       "MRI SAFETY SCREENING -- {hosp_short}\nPatient {pt_full}, DOB {dob}\nImplant: {device}\nUDI: {udi}\n"
       "Implanted {date_y:implant} at {hosp_full} by {dr:surgeon}.\nStatus: {MR conditional, cleared by {drl:radiologist}|"
       "not cleared, exam cancelled}. Tech: {staff}.",
       )

family("radiology_report", "rad.mri_us", "test",
       "MRI {BRAIN|LUMBAR SPINE|RIGHT KNEE} {WITHOUT AND WITH|WITHOUT} CONTRAST\nAccession number: {accession_no}\n"
       "Patient name: {pt_lf}\nMedical record number: {mrn}\nDate of birth: {dob}\nScan date: {date_y:imaging} {time}\n"
       "Referring clinician: {drn:pcp}, {clinic}\n\nIndication: {cc}, r/o {eponym:dx}.\n\nFindings: {imaging} {imaging}\n\n"
       "Impression: {imaging} {?Recommend follow-up in {n:3-12} months.}\n\nReport electronically signed by {drn:radiologist} on {dt:imaging}.",
       "ULTRASOUND {RIGHT UPPER QUADRANT|RENAL|VENOUS DUPLEX LLE}\nPt: {pt_caps_full} / {mrn} / {age_sex}\nAcc: {accession_no}   "
       "Order: {order_no}\nPerformed {date_num:imaging} at {clinic}. {?Sonographer: {staff}.}\nFindings: {imaging} {?{eponym:sign} negative.}\n"
       "Impression: {imaging}\nRead by {dr:radiologist}.",
       )


# =========================================================================== pathology

family("pathology_report", "path.surgical", "train",
       "SURGICAL PATHOLOGY REPORT\n{hosp_full} Department of Pathology\n\nCase: {case_no}   Specimen: {specimen_no}\n"
       "Patient: {pt_caps_lf}   MRN: {mrn}   DOB: {dob}\nCollected: {date_y:collected}   Received: {date_y:collected}\n"
       "Submitting physician: {drn:surgeon}\n\nSPECIMEN: {Prostate, needle biopsies|Colon, polyp|Gallbladder|Breast, left, core biopsy|Skin, back, shave}\n\n"
       "FINAL DIAGNOSIS:\n{pathdx}\n\nGROSS DESCRIPTION: Received in formalin labeled with the patient's name and medical record "
       "number are {n:1-6} fragments of tan tissue. {?Submitted entirely in cassettes A1-A{n:2-6}.}\n\n"
       "{?CPT: 88305 x{n:1-6}\n}Pathologist: {drn:pathologist}\nSigned out {dt:result}",
       "PATHOLOGY -- {pt_lf} ({age_sex}) -- {mrn_l}\nAccession {specimen_no} / case {case_no}, procedure {procedure} on {date:sx} "
       "by {dr:surgeon} at {hosp}.\nDiagnosis: {pathdx}. {?Margins negative.} {?Discussed with {drl:surgeon} on {date_ny:result}.}\n"
       "{drn:pathologist}",
       )

family("pathology_report", "path.cytology", "test",
       "CYTOPATHOLOGY REPORT\nAccession #: {specimen_no}\nName: {pt_lf}     Med Rec #: {mrn}     Age: {age_num}\n"
       "Collection date: {date_y:collected}   Source: {Thyroid, right lobe FNA|Cervix, ThinPrep Pap smear|Pleural fluid|Urine}\n"
       "Clinician: {drn:pcp} ({clinic})\n\nInterpretation: {Benign (Bethesda category II)|Atypia of undetermined significance|"
       "Negative for intraepithelial lesion or malignancy|Malignant cells present}\n\nComment: {?Correlate with {eponym:dx}.} "
       "Results called to {staff} at {cphone} on {dt:result}.\nCytotechnologist: {staff:2}; Pathologist: {drn:pathologist}",
       )


# =========================================================================== billing / claims

family("billing_claim", "bill.statement", "train",
       "PATIENT STATEMENT\n{hosp_full}\nPatient Financial Services, {org_addr:pfs}\n\nStatement date: {date_num:result}\n"
       "Account #: {acct}\nGuarantor: {pt_caps_lf}\n{addr}\n\nDate of service: {date_num:service}\n{cpt:desc}   {money}\n"
       "{cpt:desc}   {money}\nInsurance paid ({payer}): -{money}\nAmount due: {money}\n\nQuestions? Call {cphone:pfs} "
       "{?Mon-Fri 8 am-5 pm}. Pay online at {portal_url}.",
       "Billing note {date_num:visit}: guarantor {pt_lf} called re: balance on acct {acct}. DOS {date:service}, "
       "{cpt:desc}. Identity verified with last 4 of SSN {ssn4}. {payer} ID {plan_id} was inactive on DOS; pt provided new "
       "card, group {group_no}. Rebilled. "
       "{?Callback {phone}.} -- {staff}",
       )

family("billing_claim", "bill.claim_note", "train",
       "Claim {claim_no} for DOS {date_num:service} denied {CO-97|CO-16|CO-50|PR-204}. Encounter {enc}, FIN {fin}. "
       "Provider {drn:attending} (NPI {npi:attending}). Dx {dx_icd}; CPT {cpt}, {cpt}. Resubmitted with modifier 25 on "
       "{date_num:result}. {?Patient: {pt_lf}, MRN {mrn}.}",
       "CODING QUERY\nPt: {pt_lf}   Enc: {enc}   Admit {date_num:admit}\nTo: {drn:attending}\nDocumentation lists "
       "\"{dx}\" -- please clarify acuity ({icd} vs more specific). {?Also {eponym} noted in H&P but not in problem list.}\n"
       "Coder: {dr:coder}, ext. {n:2000-5999}",
       )

family("billing_claim", "bill.auto_claim", "train",
       "MVC / PIP CLAIM\nInsured: {pt_full}   DOB: {dob}\nAuto carrier claim #: {claim_no}\nVehicle: {n:2004-2024} "
       "{Honda Civic|Toyota Camry|Ford F-150|Nissan Altima|Chevy Malibu}, VIN {vin}, plate {plate} ({pt_state})\n"
       "Date of accident: {date_y:onset}\nED visit {date:visit} at {hosp}, account {acct}. Charges {money}.\n"
       "Attorney: {person}, {cphone:atty}.",
       )

family("billing_claim", "bill.registration", "train",
       "REGISTRATION / DEMOGRAPHICS\nName: {pt_caps_lf}\nDOB: {dob}   Sex: {pronoun:M}\nSSN: {ssn}\nAddress: {addr}\n"
       "Home phone: {phone}   Cell: {phone:cell}\nEmail: {email}\nEmployer: {employer}\nEmergency contact: {rel}, {phone:rel}\n"
       "Primary insurance: {payer}   ID {plan_id}   Group {group_no}\nGuarantor: {self|{rel_full}}\n{?Driver's license: {dl}\n}"
       "{?Portal: {portal_url}\n}Registered by {staff} at {clinic} on {dt:visit}.",
       "Pre-registration call {date_num:visit}: confirmed {pt_lf}, DOB {dob}, SSN {ssn}, new address {addr}. "
       "Copay {money}. Account {acct} created for visit {date:appt} with {drl:pcp}. {?Cell {phone}.} -- {staff}",
       )

family("billing_claim", "bill.ub04", "test",
       "UB-04 SUMMARY\nFL 3a PAT CNTL #: {acct}   FL 3b MED REC #: {mrn}\nFL 8 Patient: {pt_caps_lf}\nFL 9 Address: {addr}\n"
       "FL 10 Birthdate: {dob}\nFL 12 Admission: {date_num:admit}\nFL 50 Payer: {payer}   FL 60 Insured ID: {plan_id}\n"
       "FL 58 Guarantor SSN: {ssn4:masked}\nFL 56 NPI: {npi:hosp}\nFL 67 Principal Dx: {icd}   FL 74 Procedure: {cpt}\nFL 76 Attending: {dr_lf:attending} "
       "NPI {npi:attending}\nVisit #: {visit}   Claim: {claim_no}",
       "Denial worklist -- {date_num:result}\n{pt_lf} | CSN {csn} | HAR {acct} | {payer} | {plan_id}\n"
       "Reason: auth {auth_no} expired before {date_ny:service}. {?Device billed: {device}.} Assigned to {staff}.",
       )



# Fragments shared by the ICU / nursing families: unlabelled bank lines ({sys:..}, {cls:..}, {narr:..})
# with PHI sprinkled in family / clinician / transfer / sign-off lines.
_FAM = ("{{rel} in to visit {t:time}, updated by {drl:attending}|{rel_word} {rel_name} called{? at {time}}, updated on plan of care, "
        "# {phone:rel}|family meeting with {drl:attending} and {dr:sw}{? planned for {date_ny:fu}}|lives with {rel} in {city}; {cl:social}|"
        "HCP is {rel}, cell {phone:rel}; {cl:social}|{cl:social}; {rel} {?({phone:rel}) }aware of plan|"
        "{rel_word} {rel_name} at bedside most of {t:time}, {cl:social}|{cl:social}, {rel_word} ({rel_name}) to call in AM{? at {phone:rel}}|"
        "{rel} visiting from {other_city}, {cl:social}|{cl:social}. {cl:social}. {rel} updated by phone}")
_MD = ("{{dr:attending} aware|MD ({drl:resident}) notified, {cl:plan}|{t:consult} following, {drl:consultant} saw pt {t:time}|"
       "{drl:resident} at bedside {t:time}, {cl:plan}|discussed with {drl:attending} on rounds, {cl:plan}|"
       "{t:consult} consult called, {dr:consultant} to see|NP {drl:np} aware of {t:lab} {dec:1.0-9.9}}")
_OSH = ("{transferred from {hosp} (OSH) {t:time}|pt transferred from OSH ({hosp}) {?on {date_ny:admit} }for {t:procedure}|"
        "arrived from {hosp_short} {via ambulance|via med flight|by ALS} {t:time}|OSH: {hosp}, records with pt|"
        "admitted {date_ny:admit} via ED, {cl:history}|transferred from {hosp} for higher level of care, {cl:history}|"
        "d/c planning: screening for {snf}|plan to transfer back to {hosp2} when stable}")
_EXTRA_A = ("{PCP {drl:pcp}{?, {clinic}}|home pharmacy {pharmacy}, meds reconciled|lives {alone|with {rel}} at {addr1}, {city}|"
            "report given to {staff}, RN{? at {time}}|admitted {date:admit}{? from {hosp}}|HCP {rel_full}, {phone:rel}|"
            "{drl:attending} and {drl:resident} updated {t:time}|{rel_word} {rel_name} works at {employer}, will visit after work}")
_EXTRA_B = ("{care assumed from {staff} RN at {time}|{rel} called {?from {other_city} }for update, # {phone:rel}|seen by {dr:therapist} {t:time}|"
            "{t:consult} ({drl:consultant}, pager {cphone:cons}) following|CM {dr:cm} working on screening for {snf}|"
            "{rel_name} to bring in home meds from {pharmacy}|spoke with {dr:pcp} re: home regimen|"
            "{cl:social}; {rel} {phone:rel}|OSH d/c summary from {hosp} faxed{? ({fax:osh})}|MRN {mrn}, acct {acct}}")
_EXTRA = "{" + _EXTRA_A + "|" + _EXTRA_B + "}"
_ID = "{{pt_caps_lf}|{pt_last}|{pt_lf}|{pt_caps_full}}{? MRN {mrn}| #{mrn}| ({mrn})}{? {age_sex}}"
_SIG = "{-- {dr:nurse}|{dr:nurse}|RN: {dr:nurse}|{dr_lf:nurse}|{dr:nurse} ({n:7-19}00)}"

# =========================================================================== nursing notes (ALL CAPS telegraphic)

family("nursing_note", "nurse.shift", "train",
       "{0700-1900|1900-0700|0700-1500}: PT ALERT, {OOB TO CHAIR|AMB W/ WALKER X1 ASSIST|BEDREST}, {rel} IN TO VISIT, "
       "{dr:attending} AWARE. {nursing_abbrevs}. {?{narr:1-3} }{vitals}. {?{med} GIVEN @ {time}.} {?FOLEY D/C'D, DTV BY {time}.} "
       "{?{wordneg}.} {?DAUGHTER ASKING RE D/C PLAN, CM {dr:cm} PAGED.} WILL CONT TO MONITOR. -- {dr:nurse}",
       "NSG NOTE {date_ny:visit} {time}: {pt_last} {?#{mrn} }{age_sex} {room}. {nursing_abbrevs}. C/O {cc}, MEDICATED W/ {med}. "
       "{labs}. {?LAST ADMIT {month:in}.} {?MD ({drl:resident}) NOTIFIED OF {lab}, NO NEW ORDERS.} {?{rel_word} {rel_name} CALLED, UPDATED.} "
       "{?PLAN {plan}.} -- {dr:nurse}",
       "PT RESTING COMFORTABLY. {nursing_abbrevs}. {vitals}. {?{sys:resp:1-3}. }{?{cls:events:1-3}. }{?GCS 15.} {?HOB > 30, ASPIRATION PRECAUTIONS.} "
       "{rel_name} AT BEDSIDE, {rel_word}, PHONE {phone:rel}. {?PT ASKING FOR {drug}, GIVEN.} REPORT TO {staff} RN.",
       )

family("nursing_note", "nurse.event", "train",
       "{time} CALLED TO RM BY {staff} (PCA). PT FOUND ON FLOOR NEXT TO BED, {NO HEAD STRIKE|+ HEAD STRIKE}, ON {drug}. "
       "{vitals}. {?GCS 15.} RAPID RESPONSE {NOT CALLED|CALLED}. {dr:resident} AT BS @ {time}, CT HEAD ORDERED. "
       "{?GLASGOW COMA SCALE 15.} {rel_word} {rel_name} NOTIFIED @ {phone:rel}. INCIDENT REPORT FILED. BED ALARM ON. {nursing_abbrevs}.",
       "RAPID RESPONSE {date_ny:visit} {time}: {pt_lf}, {age}, {room}. {cc}. {vitals}. {score}. GIVEN {med} & {med}. "
       "{?ABG SENT.} TRANSFERRED TO {facility} @ {time}. ATTENDING {dr_last:attending} AWARE. {?FAMILY ({rel}) UPDATED.}",
       )

family("nursing_note", "nurse.icu_systems", "train",
       "{caps:0.9}{cl:header}{? -- {date_ny:visit}| {date_num:visit}}{? ({t:unit})}\n" + _ID + "\n{?" + _OSH + ".\n}"
       "{sys:neuro}\n{sys:cv}\n{sys:resp}\n{?{sys:gi}\n}{sys:gu}\n{?{sys:id}\n}{?{sys:endo:1-3}\n}{?{sys:skin}\n}{?{sys:heme:1-3}\n}"
       "{?{sys:lines}\n}{?{sys:pain:1-2}\n}{sys:social:1-1}\n" + _FAM + ".\n{?" + _MD + ".\n}{sys:plan:2-5}\n" + "{?" + _EXTRA_A + ". }" + _EXTRA_B + ".\n" + _SIG,
       "{caps:0.9}{cl:header}\n{pt_caps_lf}{? #{mrn}}{? {room}}\n{?{cl:history}. }{cl:history}.\n"
       "{sys:neuro}\n{sys:cv}\n{?{sys:pain:1-2}\n}{sys:resp}\n{sys:gi}\n{sys:gu}\n{?{sys:id}\n}{?{sys:skin}\n}{?{sys:activity}\n}"
       "{?{sys:psych:1-2}\n}{sys:social:1-2}\n" + _FAM + ".\n" + _MD + ".\n{sys:plan}\n" + "{?" + _EXTRA_A + ". }" + _EXTRA_B + ".\n" + _SIG,
       "{caps:0.88}{cl:header}, {date_ny:visit}\n" + _ID + "\n" + _OSH + ". {cl:history}.\nReview of systems:\n"
       "{sys:neuro}\n{sys:cv}\n{sys:resp}\n{?{sys:gi}\n}{?{sys:gu}\n}{?{sys:endo:1-2}\n}{?{sys:skin}\n}{?{sys:lines}\n}"
       "{sys:social:1-1}\n" + _FAM + ".\n{sys:plan}\n" + "{?" + _EXTRA_A + ". }" + _EXTRA_B + ".\n" + _SIG,
       )

family("nursing_note", "nurse.icu_narrative", "train",
       "{caps:0.92}{cl:header} {date_num:visit}: " + _ID + ". {narr:3-6} " + _MD + ". {narr:2-5} " + _FAM + ".\n{?{narr:2-4}\n}"
       "{cls:plan:2-4}. {?SEE CAREVUE FOR FURTHER DETAILS.} " + "{?" + _EXTRA_A + ". }" + _EXTRA_B + ".\n" + _SIG,
       "{caps:0.92}" + _ID + " {date_ny:visit}\n{t:time}: {narr:2-4}\n{time}: {narr:1-3} " + _MD + ".\n{time}: {narr:1-3}\n{?{time}: " + _FAM + ". {narr:1-2}\n}"
       "{?{time}: " + _OSH + ".\n}{cls:plan}. " + "{?" + _EXTRA_A + ". }" + _EXTRA_B + ".\n" + _SIG,
       "{caps:0.9}{pt_last} {?{age_sex} }{cl:history}. {narr:3-5}\n{sys:neuro:1-3}. {sys:cv:1-3}. {sys:resp:1-3}. {?{sys:gi:1-3}. }{?{sys:gu:1-2}.}\n"
       + _FAM + ". " + _MD + ". {cls:plan}.\n" + "{?" + _EXTRA_A + ". }" + _EXTRA_B + ".\n" + _SIG,
       )

family("nursing_note", "nurse.resp_care", "train",
       "{caps:0.93}{Resp care note|RT note|Respiratory care|Resp care} {date_ny:visit} -- " + _ID + ": {cls:rt:3-6}. {cl:rt}. {?{cls:resp:2-3}. }"
       "{?" + _MD + ". }{cls:rt:1-3}. " + _EXTRA + ". {-- {dr:rt}|{dr:rt}|RT: {dr:rt}}",
       "{caps:0.9}{Resp care|RESPIRATORY THERAPY} {time}\n{pt_lf}{? ({mrn})}\n{sys:resp:3-5}\n{cls:rt:2-4}\n{?{sys:cv:1-2}\n}"
       "{?" + _FAM + ". }{cl:rt}. {MD {dr_last:attending} aware|Discussed with {drl:resident}|Plan per {drl:attending}}. {cls:plan:1-2}.\n-- {dr:rt}",
       )

family("nursing_note", "nurse.icu_progress", "train",
       "{caps:0.25}{MICU|SICU|CCU|CSRU|ICU} {Progress Note|progress note|Nursing Progress Note|Attending note} -- {date_y:visit}\n"
       "Patient: {pt_lf}   {mrn_l}\n{?" + _OSH + ".\n}{cls:progress:2-4}\n{sys:neuro}\n{sys:cv}\n{sys:resp}\n{?{sys:gi}\n}"
       "{?{sys:gu}\n}{?{sys:id}\n}{cls:progress:1-3}\n{sys:social:1-1}\n" + _FAM + ".\n{sys:plan}\n{drn:attending}{? / {drn:resident}}",
       "{caps:0.3}{cl:header} ({date_ny:visit})\n{cls:history:1-2}. {narr:2-4}\n{sys:neuro}\n{sys:cv}\n{sys:resp}\n{?{sys:skin}\n}"
       "{?{sys:endo:1-2}\n}{cls:progress:1-3} " + _MD + ". " + _FAM + ".\n{sys:plan}\n" + "{?" + _EXTRA_A + ". }" + _EXTRA_B + ".\n" + _SIG,
       )

family("nursing_note", "nurse.handoff", "test",
       "SBAR HANDOFF {date_ny:visit}\nS: {pt_caps_lf} {age_sex} {room} ADM {date_num:admit} FOR {dx}.\n"
       "B: {pmh}. {year}. LIVES W/ {rel} IN {city}. {?PCP {drl:pcp}.}\nA: {nursing_abbrevs}. {vitals}. {labs}.\n"
       "R: {plan}. {?{cls:plan:1-3}. }{?F/U {lab} IN AM.} CALL {drl:attending} IF {SBP < 90|HR > 120|UOP < 30/HR}. ANY Q'S CALL ME X{n:2000-7999} -- {dr:nurse}",
       "END OF SHIFT: {pt_first_last} ({mrn}). {nursing_abbrevs}. {?{device} INTERROGATED, NO EVENTS.} {wordneg}. {rel} BRINGING CLOTHES FOR D/C {date_ny:dc}. -- {dr:nurse}",
       )


# Held-out phrasings of the same fragments, used only by test families.
_FAM_T = ("{spoke w/ {rel} by phone, questions answered|{rel_word} {rel_name} visited {t:time}, very supportive|"
          "{rel_name} ({rel_word}) is primary contact, {phone:rel}|{rel} and grandkids visited, {cl:social}|"
          "emotional support to {rel_word} {rel_name}|{rel} requests call if any change, {phone:rel}|"
          "{rel_word} {rel_name} staying at hotel near {hosp_short}, cell {phone:rel}}")
_MD_T = ("{paged {drl:resident} re {t:lab}, awaiting callback|{drl:attending} examined pt {t:time}|"
         "{t:consult} ({dr:consultant}) in to see pt, recs pending|covering MD {drl:resident} made aware}")
_EXTRA_T1 = ("{outpt cardiologist {drl:specialist} called for update|prior admit to {hosp2} {?on {date_ny:prev}}|"
             "lives in {hood} with {rel}|{rel} brought in pt's glasses and hearing aids}")
_EXTRA_T2 = ("{belongings list signed by {rel_full}|handoff to {staff}, RN at {time}|home VNA: {homehealth}|"
             "chaplain {person} visited|email from {rel_full} ({rel_email}) forwarded to team}")
_SIG_T = "{Signed: {dr:nurse}|{dr_lf:nurse}, {n:7-19}00|{dr:nurse}, x{n:2000-7999}}"

family("nursing_note", "nurse.dar", "test",
       "{caps:0.9}{Nursing note|NSG PROGRESS NOTE|Focus note} {date_num:visit} {time}\n" + _ID + "\nFocus: {resp status|hemodynamics|pain|family|safety|neuro status|dispo}\n"
       "D: {cls:history:1-2}. {narr:2-4}\nA: {cls:events:2-4}. " + _MD_T + ".\nR: {cls:events:1-3}. {cls:neuro:1-2}. {cls:resp:1-2}.\n"
       "{?D: " + _FAM_T + ".\n}P: {cls:plan:2-5}.\n" + _EXTRA_T1 + ". " + _EXTRA_T2 + ".\n" + _SIG_T,
       "{caps:0.9}{CCU|MICU|SICU} nursing {addendum|note} {date_ny:visit} -- " + _ID + "\nData: {narr:3-5}\nAction: {cls:events:2-4}. {?" + _OSH + ".}\n"
       "Response: {cls:events:1-3}. {sys:cv:1-3}. {sys:resp:1-3}.\n" + _FAM_T + ".\nPlan: {cls:plan}. " + _EXTRA_T1 + ". " + _EXTRA_T2 + ".\n" + _SIG_T,
       )

family("nursing_note", "nurse.transfer_in", "test",
       "{caps:0.85}Nursing {transfer|admission|accept} note: {pt_caps_full} {age_sex}, " + _OSH + ". {cls:history:1-3}.\n"
       "Neuro -- {cls:neuro}\nCardiac -- {cls:cv}\nResp -- {cls:resp}\nGI/GU -- {cls:gi:1-3}, {cls:gu:1-2}\n{?Skin -- {cls:skin}\n}"
       "{?Access -- {cls:lines:1-3}\n}Social -- " + _FAM_T + ".\n" + _MD_T + ".\nPlan -- {cls:plan}\n" + _EXTRA_T1 + ". " + _EXTRA_T2 + ".\n" + _SIG_T,
       )

# =========================================================================== ED triage

family("ed_triage", "ed.triage", "train",
       "ED TRIAGE {dt:visit}\nCC: {cc}\n{pt_lf} {age_sex}   MRN {mrn}\nArrived via {EMS|private vehicle|walk-in|police} from "
       "{home, {addr1}|{snf}|work ({employer})}. {?Accompanied by {rel}.}\nESI {1|2|3|4}. {vitals}.\n{?Recently arrived from {country}. }{?Lives in {city_st_zip}. }PMH: {pmh}. {year}.\n"
       "Meds: {meds:comma}\nAllergies: {allergy}\nPCP: {dr:pcp}{?, {clinic}}\nTriage RN: {dr:triage}",
       "TRIAGE NOTE: {age_sex} c/o {cc} x {n:1-7} days. {?Similar episode {year}.} {?Also seen {month:in} for same.} {vitals}. {?FSBG {n:60-420}.} "
       "{?GCS 15.|Glasgow Coma Scale 15.} Pt states {pronoun:he} lives {alone|with {rel}} in {hood}. Emergency contact {rel_name} {phone:rel}. "
       "To {room}. -- {dr:triage}",
       )

family("ed_triage", "ed.mvc", "train",
       "ED TRIAGE -- TRAUMA\n{pt_caps_full} {age_sex}, restrained driver in MVC at {street_only} and {street_only}, {city}. "
       "{?Vehicle: plate {plate}.} {?Airbag deployed.} Ambulatory at scene. {?Pt visiting from {other_city}.} {vitals}. {score}. C-collar in place. "
       "{?Police on scene, officer requested BAL.} {?Glasgow Coma Scale {n:13-15}.} PMH {pmh}. {?On {drug}.} Family ({rel}) en route. ESI 2. -- {dr:triage}",
       "MVC -- pedestrian struck. Pt {pt_lf} ({age}), ID from wallet: {DL|driver's license|Lic #} {dl}, address {addr}. {vitals}. "
       "{finding}. Trauma team ({drl:ed}) at bedside {time}. {?Vehicle VIN {vin} per police report.}",
       )

family("ed_triage", "ed.ems_run", "test",
       "EMS RUN REPORT -- Medic {n:1-40}\nIncident # {case_no}   {dt:visit}\nScene: {addr1}, {city}{?, {county}}\nPt: {pt_full}, {age_sex}, "
       "DOB {dob}\nMechanism: {single-vehicle rollover|rear-ended at low speed|motorcycle vs car|car vs pole}. Pt's vehicle "
       "{n:2004-2024} {Subaru Outback|Honda CR-V|Jeep Wrangler|Hyundai Elantra}, plate {plate}{?, VIN {vin}}.\n{vitals}. {score}. "
       "{finding}. {?Glasgow Coma Scale {n:3-15}.} {?Hx {pmh}.} {?Meds per {rel}: {meds:comma}.}\nTransported to {hosp} {ED|trauma bay|the ED}, report to {dr:ed}. "
       "Crew: {staff}, {staff:2}.",
       "Tow/property note: pt {pt_lf} ({mrn}) arrived after MVC; {pronoun:his} car (plate {plate}) towed to {employer} lot per police. "
       "{?VIN {vin}.} Belongings bagged, wallet with {DL|license} {dl} given to {rel}. -- {dr:triage}",
       )

family("ed_triage", "ed.psych_peds", "test",
       "ED TRIAGE {date_num:visit} {time} -- BH\n{pt_full}, {age_sex}, brought by {police|{rel}|ambulance from {school}}. "
       "Reports {SI without plan|increasing paranoia|not sleeping x 3 days}. {?Hx {dx}.} {?Last BH visit {month:in}.} {vitals}. Belongings searched. "
       "Sitter {staff} assigned. Guardian: {rel}, {phone:rel}. {?Outpatient therapist {person} at {clinic}.} -- {dr:triage}",
       "{peds}Triage: {pt_first_last}, {age_sex}, {cc}; {?{finding}.} {vitals}. Parent {rel_name} reports fever since {date_ny:onset}. "
       "Daycare: {school}. Peds PCP {drl:pcp}. {?Temp {n:100-104}F at home.} -- {dr:triage}",
       )


# =========================================================================== medication lists

family("medication_list", "meds.reconciliation", "train",
       "MEDICATION RECONCILIATION -- {pt_lf} ({mrn_l})\nDOB {dob} | Allergies: {allergy}\nSource: {patient|pharmacy fill "
       "history ({pharmacy})|{rel_word} {rel_name}}\nReviewed {date_num:visit} by {dr:pharmacist}\n\nHOME MEDS:\n{meds:dash}\n\n"
       "CHANGES:\n- STOP {drug}{? ({yr} rx)}\n- START {med}\n{?- HOLD {drug} until {date_ny:fu}\n}",
       "Current Medications for {pt_full}:\n{meds:num}\n\n{?Last filled {date_ny:prev} at {pharmacy}.\n}Prescriber: {drn:pcp}",
       )

family("medication_list", "meds.rx", "train",
       "{clinic}\n{org_addr:clinic}   {cphone}\n\nRx   Date: {date_num:visit}\nName: {pt_full}   DOB: {dob}\nAddress: {addr}\n\n"
       "{med}\nDisp: #{n:14-90}   Refills: {n:0-5}\n{?NDC {ndc}\n}\n{drn:prescriber}\nDEA {dea:prescriber}   NPI {npi:prescriber}\n"
       "{?{lic:prescriber}}",
       "eRx sent to {pharmacy} ({cphone:pharm}) for {pt_lf}: {med}; {med}. PDMP reviewed {date_num:visit}. "
       "{?DEA {dea:prescriber}.} -- {dr:prescriber}",
       )

family("medication_list", "meds.pharmacy_label", "test",
       "{pharmacy}\n{org_addr:pharm}   {cphone:pharm}\nRx# {rx_no}   Fill date: {date_num:visit}\n{pt_caps_full}\n{addr}\n"
       "{med}\nQty {n:14-90}   Refills {n:0-5} until {date_num:next}\nDr. {dr_last:prescriber}\n{?NDC {ndc}}",
       "Home med list per {rel_word} {rel_name} ({phone:rel}) -- pt {pt_last}, {age}:\n{meds:nl}\n{?Also takes \"the {drug}\" "
       "{month:in}.} Pill organizer filled weekly by {homehealth}.",
       )


# =========================================================================== lab result messages

family("lab_result_message", "lab.to_patient", "train",
       "Hi {pt_first}, your labs from {date:collected} are back. {Your kidney function is stable|Your A1c went down|"
       "Your potassium is a little low}: {labs}. {?Please continue {med}.} {?We will recheck in {n:2-12} weeks.} "
       "Call {cphone} with any questions. -- {drl:pcp}",
       "Dear {pt_formal},\n\nThe results of your {blood work|urine test|thyroid test} on {date_y:collected} were "
       "{normal|mostly normal|abnormal}. {labs}. {?Dr. {dr_last:pcp} recommends starting {med}.} {?Your next visit is {date:appt}.}\n\n"
       "{clinic}",
       )

family("lab_result_message", "lab.report", "train",
       "LAB REPORT\nPatient: {pt_lf}   DOB: {dob}   MRN: {mrn}\nOrder # {order_no}   Specimen {specimen_no}\n"
       "Collected: {dt:collected}   Resulted: {dt:result}\nOrdering: {drn:pcp}\n\n{lab_table}\n\n{?Comment: hemolyzed, "
       "K may be falsely elevated.}",
       "Result note: {loinc} {lab}{?, {lab}}. {?{score}.} Reviewed {date_num:result}; {pt_formal} notified by {staff} via phone {phone}. "
       "{?Repeat {month:in}.}",
       )

family("lab_result_message", "lab.critical_call", "test",
       "CRITICAL VALUE NOTIFICATION\n{lab} on specimen {specimen_no} ({pt_lf}, {mrn_l}) collected {dt:collected}.\n"
       "Called to {dr:nurse} at {time} by lab tech {staff}; read back verified. {drl:attending} notified at {time}.",
       "Lab called: {pt_first_last} ({age_sex}) {lab}. Order {order_no}. Repeat sent {date_ny:result} {time}. "
       "{?INR trend {n:2-4}.{n:0-9} -> {n:2-5}.{n:0-9} on {drug}.} Informed {drl:pcp} who {will call pt|increased dose}.",
       )


# =========================================================================== telephone encounters

family("telephone_encounter", "tel.callback", "train",
       "TELEPHONE ENCOUNTER {dt:call}\nCaller: {rel_full} ({rel_word})\nRe: {pt_lf}, DOB {dob}\n\n{Pronoun:He} called at {time} "
       "re: {cc} since {date_ny:onset}. {?Last similar episode {month:in}.} {?Taking {med}.} {Advised ED if worse|Scheduled for {date:appt}|Message routed to "
       "{drl:pcp}}. Callback {phone:rel}. {?Identity verified with DOB and last 4 SSN ({ssn4}).} {?OK to leave detailed VM.} -- {staff}",
       "Pt's {rel} called at {time} re: {drug}. Spoke with {rel_name}, verified pt name and DOB ({dob}). {?Pt is cared for by {pronoun:his} {young_age:12-30} grandson.} {?{wordneg}.} "
       "Per {drl:pcp}, {plan}. Callback number {phone}. {?Pharmacy: {pharmacy}.}",
       "Returned call to {pt} at {phone}, no answer, left VM to call {clinic} at {cphone}. {?2nd attempt {date_ny:call}.} "
       "{?Will send portal msg.} -- {dr:nurse}",
       )

family("telephone_encounter", "tel.pharmacy", "train",
       "{pharmacy} ({cphone:pharm}) called re: {pt_lf} ({dob}). {drug} not covered by {payer}; suggested {drug}. "
       "{?Rx# {rx_no}.} Routed to {drl:prescriber} for approval. {?Fax {fax:pharm}.}",
       "Call from {dr:pharmacist} at {pharmacy}: interaction between {drug} and {drug} for pt {pt_full}. {?INR {n:2-4}.} "
       "Changed to {med} per {drl:pcp}. New Rx sent {date_ny:call} {time}.",
       )

family("telephone_encounter", "tel.triage_line", "test",
       "NURSE TRIAGE LINE -- {dt:call}\nCaller {pt_full} {?({age})} from {city_st}, call-back {phone}. {?Visiting from {other_city}.} {?Originally from {country}.}\nSymptom: {cc}. "
       "{?Verified with SSN ending {ssn4}. }{?Same thing happened {month:in}. }Protocol: {Chest Pain|Breathing Problems|Falls|Fever}. {?Denies {cc}.} Disposition: {See today in office|"
       "Go to ED now|Home care}. {?Appt booked {date:appt} {time} with {drl:pcp}.} -- {dr:triage}",
       "After-hours call, {date_ny:call} {time}. {rel_name} ({rel_word}) calling about {pt_first}, {age}. {?Lives at {snf}, "
       "{room}.} {cc}. {?On {med}.} {wordneg}. Will notify {drl:pcp} in AM. Caller email {rel_email}.",
       )


# =========================================================================== care-coordination e-mails

family("care_coordination_email", "email.snf_placement", "train",
       "From: {demail:cm}\nTo: {demail:sw}\nDate: {date_y:visit} {time}\nSubject: {SNF referral|Placement update|Bed offer} -- "
       "{pt_lf}\n{?X-Originating-IP: [{ipv4}]\n}\nHi {dr_first:sw},\n\n{snf} offered a bed for {pt_formal} ({mrn}) "
       "for {date_ny:dc}. {Pronoun:His} {rel_word} {rel_name} ({phone:rel}) agrees. {payer} auth {auth_no} is pending. "
       "{?{wordneg}.} {?Can you confirm transport from {hosp_short}?}\n\nThanks,\n{drn:cm}\n"
       "Case Management, {hosp_full} | {cphone}{?\nFamily portal link: {portal_url}}",
       "Subject: Re: {pt_lf} d/c planning\n\n{dr_first:cm} -- family toured {snf} {date_ny:prev}. {?Daughter prefers one closer to "
       "{city}.} {?{Pronoun:He} was at {snf} in {yr}.} PT eval: {score}. Please send clinicals to {fax:snf}. "
       "-- {dr:sw}\n\n> On {date_num:prev} {drn:cm} <{demail:cm}> wrote:\n> any update on {pt_last}?",
       )

family("care_coordination_email", "email.home_health", "train",
       "To: {homehealth} intake <{demail:intake}>\nCc: {demail:pcp}\nSubject: New referral {pt_lf}\n\nPlease start home services for "
       "{pt_full}, DOB {dob}, {addr}, phone {phone}. Dx: {dx_icd}. Services: {skilled nursing|PT/OT|home health aide}. "
       "SOC {date_ny:fu}. {?Telehealth SOC visit: {tele_url}.} {?Medicare ID {mbi}.} {?Service area: {county}.} Orders signed by {drn:pcp}. {?Gate code / lockbox info given to {rel}.}",
       )

family("care_coordination_email", "email.transport_tech", "test",
       "From: {demail:np}\nSent: {date_y:appt} {time}\nTo: {demail:ma}\nSubject: video visit issue -- {pt_last}\n\n"
       "{dr_first:ma}, {pt_formal} couldn't join {pronoun:his} telehealth visit ({tele_url}). Portal login attempts from "
       "{ip} {?and {ipv6}} failed. {?Last video visit {month:in} worked fine.} {?{Pronoun:His} {rel_word} {rel_name} will help -- cell {phone:rel}.} Please resend the "
       "link to {email} and rebook for {date:next}. Ticket {ticket_no}.\n\n{drn:np}",
       "Subject: ride for {pt_first_last} {date_ny:appt}\n\nWheelchair van booked through {payer} transport, confirmation "
       "{ref_no}. Pickup {time} at {addr}. {?Van plate {plate}.} {wordneg}. Contact {rel} at {phone:rel} if late. "
       "{?Patient's page: {social}}\n-- {dr:cm}",
       )


FAMILIES: tuple[Family, ...] = tuple(F)
