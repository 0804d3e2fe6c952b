import type { Lexicon } from './kinds.ts';

/** English cues, folded ("won't" is "won t"). */
export const en: Lexicon = {
  leave:
    'leave|leaves|leaving|left|quit|quits|quitting|exit|exits|exited|exiting|n:exit from|n:departure from|withdraw from|withdraws from|withdrew from|withdrawn from|withdrawing from|pull out of|pulls out of|pulled out of|pulling out of|pull off|pulls off|walk away from|walks away from|walked away from|walking away from|abandon*|ditch|ditches|ditched|ditching|turn its back on|turns its back on|turned its back on|turning its back on|turn their backs on|turned their backs on|say goodbye to|says goodbye to|said goodbye to|saying goodbye to|bid farewell to|bids farewell to|bade farewell to|farewell to|step away from|steps away from|stepped away from|stepping away from|a:close|a:closes|a:closed|a:closing|n:exodus from|depart|departs|departed|departing|desert|deserts|deserted|deserting|log off|logs off|logged off|sign off from|signs off from|signed off from|freeze|freezes|froze|frozen|freezing|archive|archived|dormant|mothball*|shut down its|shuts down its|no longer active on|dump|dumps|dumped|dumping|cut ties with|cuts ties with|cutting ties with|severs ties with|severed ties with|bow out of|bows out of|bowed out of|joins the exodus|join the exodus|flee|flees|fled|fleeing|n:exodus|n:exit',
  stay:
    'stay|stays|staying|stayed|remain|remains|remaining|remained|will remain|keep its account|keeps its account|keeping its account|kept its account|keep their account|retain its presence|retains its presence|maintain its presence|maintains its presence|maintaining its presence|maintain a presence|keep a presence|stick with|sticks with|sticking with|stuck with|stay put|stays put|staying put|hold firm on|holding firm on|remain active|remains active|will keep',
  join:
    'join|joins|joined|joining|n:arrival on|a:launch|a:launches|a:launched|a:launching|sign up to|signs up to|signed up to|sign up for|signed up for|a:open|a:opens|a:opened|a:opening|a:set up|a:sets up|a:created|a:creates|a:create|a:creating|a:start|a:starts|a:started|is now on|are now on|now also on|now on|arrive on|arrives on|arrived on|arriving on|land on|lands on|landed on|landing on|debut on|debuts on|debuted on|made its debut on|makes its debut on|new home on|found a new home on|set up shop on|sets up shop on|flock to|flocked to|flocking to|head to|heads to|headed to|take to|takes to|took to|embrace|embraces|embraced|now live on|went live on|goes live on|has arrived on|have arrived on|signs on to|a:new',
  pause:
    'pause|pauses|paused|pausing|suspend|suspends|suspended|suspending|boycott|boycotts|boycotted|boycotting|blackout|go silent|goes silent|went silent|going silent|fall silent|falls silent|fell silent|take a break|takes a break|taking a break|took a break|break from|switch off|switches off|switched off|switching off|hiatus|log off for|logs off for|down tools',
  onset: 'now|since|newly|from today|as of today|has since',
  temp: 'temporarily|for 24 hours|for 48 hours|for 72 hours|for a week|for the weekend|this weekend|over the weekend|for a month|for three days|for two days|24 hour|48 hour|72 hour|for ... days|for ... hours|for ... weeks|for the week|for seven days|until further notice',
  return:
    'return to|returns to|returned to|returning to|n:return to|back on|is back on|are back on|come back to|comes back to|came back to|a:reactivat*|reactivates|reactivated|rejoin|rejoins|rejoined|rejoining|resume posting|resumes posting|resumed posting|resume activity on|resumes activity on|resumed activity on|comeback on|make a comeback|makes a comeback|made a comeback|u turn|reverse*',
  delete: 'a:delete*|a:remove*|a:wipe*|a:erase*|a:deactivat*|a:scrap*|n:deletion of',
  use: 'post on|posts on|posting on|posted on|post to|posts to|use|uses|using|used|active on|tweet|tweets|tweeting|tweeted|publish on|publishes on|publishing on|share on|shares on|sharing on|communicate on|communicates on|communicating on|present on|presence on|update|updates|updating|run its account|runs its account',
  cease: 'no longer|stop|stops|stopped|stopping|cease|ceases|ceased|ceasing|halt|halts|halted|halting|end its|ends its|ended its|ending its|anymore|any more|any longer|quit posting|quits posting|put an end to|puts an end to|discontinue|discontinues|discontinued',
  continue: 'continue|continues|continued|continuing|keep|keeps|kept|still|carry on|carries on|keep on|remain|remains',
  follow: 'follow suit|follows suit|followed suit|following suit|do the same|does the same|did the same|doing the same|done the same|follow their lead|follow its lead|follows its lead|followed its lead|follow the lead|followed the lead|follows the lead|follow their example|followed their example|follow the example|follows the example|followed the example|emulate|emulates|emulated',
  migrate: 'move to|moves to|moved to|moving to|switch to|switches to|switched to|switching to|migrate*|jump to|jumps to|jumped to|jumping to|jump ship to|jumped ship to|jumps ship to|hop over to|hopped over to|shift to|shifts to|shifted to|shifting to|swap|swaps|swapped|swapping|trade|trades|traded|in favour of|in favor of|for bluesky',
  neg: 'not|never|no|won t|wont|doesn t|don t|didn t|isn t|aren t|hasn t|haven t|wasn t|cannot|can t|nor|no plans|no intention|refuses to|refused to|refuse to|wouldn t|shan t|without',
  modal:
    'consider|considers|considering|considered|contemplat*|mull|mulls|mulled|mulling|weigh|weighs|weighing|weighed|evaluat*|assess*|review|reviews|reviewing|reviewed|explore|explores|exploring|explored|think about|thinks about|thinking about|debat*|discuss*|could|might|possibly|potential*|rumour*|rumor*|speculat*|reportedly|is said to|are said to|in talks|question|questions|questioned|questioning|asked|petition|motion|calls for|call for|called for|calling for|calls on|called on|urge|urges|urged|urging|pressure|pressured|demand|demands|demanded|demanding|proposal|propose*|vote|votes|voted|voting|ballot|survey|poll|whether|if|threaten*|open to|reduce|reduces|reduced|reducing|limit|limits|limited|limiting|scale back|scales back|scaled back|scaling back|cut back|cutting back|less|fewer|hint|hints|hinted|hinting|speculation|ponder|ponders|pondering|would consider|plan to consider|toying with|flirting with|tempted|mooted|touted|could soon|might soon|not ruled out|hasn t ruled out|has not ruled out',
  undecided: 'not yet decided|yet to decide|has yet to decide|have yet to decide|undecided|no decision|hasn t decided|has not decided|not decided|no final decision|yet to make a decision|open question|remains to be seen|remain to be seen|still deciding|not made a decision|under review',
  deny: 'rule out|rules out|ruled out|ruling out|deny|denies|denied|denying|dismiss*|reject|rejects|rejected|rejecting|refuse*|shot down|shoots down|played down|plays down',
  report: 'announce*|said|says|confirm*|state|states|stated|declar*|explain*|wrote|writes|statement|told|tells|insist*|according to|revealed|reveals|posted|published',
  nocomment:
    'declined to comment|declines to comment|declined to say|did not respond|didn t respond|no comment|would not comment|wouldn t comment|refused to comment|not respond to a request|not immediately respond|not immediately reply|could not be reached|unavailable for comment|declined a request for comment|has not commented|did not comment|no response',
  hack: 'hack*|compromis*|breach*|taken over|hijack*|scam*|phishing|crypto scam',
  fake: 'fake|impersonat*|parody|impostor|imposter|unofficial|spoof*|fraudulent|bogus|not affiliated|fan account|fan run|fan made',
  post: 'post|tweet|message|video|clip|photo|picture|image|graphic|meme|story|reel|tweets|posts',
  account: 'account|accounts|profile|page|handle|channel|presence|feed|activity',
  person:
    'player|players|striker|forward|midfielder|defender|goalkeeper|keeper|winger|captain|coach|manager|head coach|boss|chairman|chairwoman|president|owner|co owner|ceo|chief executive|director|sporting director|executive|minister|prime minister|mp|senator|politician|mayor|chancellor|governor|party|government|fans|fan|supporters|supporter|ultras|members|member|season ticket holders|journalist|pundit|presenter|star|legend|influencer|billionaire|musk|elon musk|trust|supporters trust|fan group|fan groups|supporters club|supporters groups|celebrity|singer|actor|athlete|athletes|stars|former player|ex player|midfield|youngster|international|striker s|candidate',
  generic: 'clubs|teams|sides|organisations|organizations|brands|outlets|media|universities|institutions|companies|federations|leagues|users|many clubs|several clubs|other clubs|a number of clubs|dozens of clubs|most clubs|some clubs|football clubs|sports teams|others|accounts',
  anaphor: 'club|side|team|outfit|organisation|organization|institution|franchise|the club|the side|the team|the outfit|non league club|league club|non league side',
  pronoun: 'it|they|which|who|that|its',
  first: 'we|we re|we ve|we ll|we are|we have|our|us',
  precedent: 'after|following|like|just like|in the footsteps of|hot on the heels of|joining|in line with|as did|as have|the same as|similar to|alongside|copying|emulating|behind',
  including: 'including|among them|such as|namely|like|among|led by|include|includes|included',
  contrast: 'but|while|whereas|unlike|however|although|though|yet|meanwhile|on the other hand|in contrast|by contrast|instead|despite',
  against: 'against|vs|v|versus|beat|beats|beaten|defeat|defeats|defeated|faces|face|host|hosts|hosted|draw with|drew with|lost to|loses to|win over|victory over|derby|thrash*|clash with|clash',
  also: 'too|also|as well|likewise|in turn|become the latest|becomes the latest|latest|next|another',
  conj: 'and|as well as|plus|along with|together with',
  loc: 'on|via|in|at|through|across',
  from: 'from|of|off',
  to: 'to|for|onto|on',
  article: 'the|a|an|its|their|his|her|s',
  platformAnaphor: 'the platform|the social network|the network|the site|the app|the service|the social media platform|the microblogging site|the social media site|elon musk s platform|platform',
};
