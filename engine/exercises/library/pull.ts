/** Built-in pulling exercises: rows, pull-ups and pulldowns, rear-delt work and shrugs. */
import type { Exercise } from '../../types';
import { family } from './define';

const bentOverRow = family({
  pattern: 'horizontal_pull', force: 'pull', mechanic: 'compound', group: 'bent-over-row',
  primary: ['middle_back', 'lats'], secondary: ['biceps', 'lower_back', 'shoulders'],
});
const seatedRow = family({
  pattern: 'horizontal_pull', force: 'pull', mechanic: 'compound', group: 'seated-row',
  primary: ['middle_back', 'lats'], secondary: ['biceps', 'shoulders'],
});
const bodyRow = family({
  pattern: 'horizontal_pull', force: 'pull', mechanic: 'compound', group: 'inverted-row',
  primary: ['middle_back', 'lats'], secondary: ['biceps', 'shoulders'],
});
const pullUp = family({
  pattern: 'vertical_pull', force: 'pull', mechanic: 'compound', group: 'pull-up',
  primary: ['lats'], secondary: ['biceps', 'middle_back'], level: 'intermediate',
});
const pulldown = family({
  pattern: 'vertical_pull', force: 'pull', mechanic: 'compound', group: 'lat-pulldown',
  primary: ['lats'], secondary: ['biceps', 'middle_back'],
});
const pullover = family({
  pattern: 'vertical_pull', force: 'pull', mechanic: 'isolation', group: 'pullover',
  primary: ['lats'], secondary: ['chest', 'triceps'],
});
const rearDelt = family({
  pattern: 'rear_delt', force: 'pull', mechanic: 'isolation', group: 'reverse-fly',
  primary: ['shoulders'], secondary: ['middle_back', 'traps'],
});
const shrug = family({
  pattern: 'shrug', force: 'pull', mechanic: 'isolation', group: 'shrug', primary: ['traps'],
});

export const PULL_EXERCISES: readonly Exercise[] = [
  bentOverRow({
    id: 'barbell-bent-over-row', name: 'Barbell Bent-Over Row', equipment: 'barbell',
    aliases: ['Bent Over Row (Barbell)', 'Barbell Row', 'Bent Over Row'],
    how: 'Hinge forward with a flat back until the torso is nearly parallel to the floor. Pull the bar to the lower ribs and lower it with control.',
  }),
  bentOverRow({
    id: 'barbell-pendlay-row', name: 'Pendlay Row', equipment: 'barbell', level: 'intermediate',
    aliases: ['Pendlay Row (Barbell)'],
    how: 'Set the torso parallel to the floor with the bar resting on the ground. Pull it explosively to the chest and return it to the floor each rep.',
  }),
  bentOverRow({
    id: 'dumbbell-bent-over-row', name: 'Dumbbell Bent-Over Row', equipment: 'dumbbell',
    aliases: ['Bent Over Row (Dumbbell)'],
    how: 'Hinge forward holding a dumbbell in each hand. Row them to the sides of the ribs and lower slowly.',
  }),
  bentOverRow({
    id: 'dumbbell-one-arm-row', name: 'One-Arm Dumbbell Row', equipment: 'dumbbell',
    aliases: ['Bent Over One Arm Row (Dumbbell)', 'Single Arm Dumbbell Row', 'Dumbbell Row'],
    how: 'Support one hand and knee on a bench. Pull the dumbbell toward the hip with the other arm and lower it until the arm is straight.',
  }),
  bentOverRow({
    id: 'kettlebell-one-arm-row', name: 'One-Arm Kettlebell Row', equipment: 'kettlebell',
    aliases: ['Bent Over One Arm Row (Kettlebell)', 'Kettlebell Row'],
    how: 'Stagger the feet and brace one hand on the front thigh or a bench. Row the kettlebell to the hip and lower it under control.',
  }),
  bentOverRow({
    id: 't-bar-row', name: 'T-Bar Row', equipment: 'barbell', level: 'intermediate',
    aliases: ['T Bar Row', 'Landmine Row'],
    how: 'Straddle the bar and hold the handle close to the plates. Hinge forward, pull the weight to the chest and lower it slowly.',
  }),
  bentOverRow({
    id: 'smith-machine-bent-over-row', name: 'Smith Machine Bent-Over Row', equipment: 'smith_machine',
    aliases: ['Bent Over Row (Smith Machine)'],
    how: 'Hinge forward under the Smith bar with a flat back. Row the bar to the lower ribs and lower it until the arms are straight.',
  }),
  seatedRow({
    id: 'cable-seated-row', name: 'Seated Cable Row', equipment: 'cable',
    aliases: ['Seated Row (Cable)', 'Cable Row', 'Low Row (Cable)'],
    how: 'Sit tall with feet on the platform and a slight knee bend. Pull the handle to the stomach, squeezing the shoulder blades together, and reach forward again.',
  }),
  seatedRow({
    id: 'machine-seated-row', name: 'Machine Seated Row', equipment: 'machine',
    aliases: ['Seated Row (Machine)', 'Machine Row'],
    how: 'Sit with the chest against the pad. Pull the handles back until the elbows pass the torso and return slowly.',
  }),
  seatedRow({
    id: 'dumbbell-chest-supported-row', name: 'Chest-Supported Dumbbell Row', equipment: 'dumbbell',
    aliases: ['Incline Row (Dumbbell)', 'Chest Supported Row (Dumbbell)'],
    how: 'Lie face down on an incline bench with dumbbells hanging. Row them up beside the ribs and lower until the arms are straight.',
  }),
  seatedRow({
    id: 'band-seated-row', name: 'Band Seated Row', equipment: 'bands',
    aliases: ['Seated Row (Band)', 'Band Row'],
    how: 'Sit with legs straight and the band looped around the feet. Pull the ends to the stomach and return with control.',
  }),
  bodyRow({
    id: 'inverted-row', name: 'Inverted Row', equipment: 'pullup_bar',
    aliases: ['Inverted Row (Bodyweight)', 'Australian Pull Up', 'Body Row'],
    how: 'Hang under a bar set at hip height with heels on the floor and body straight. Pull the chest to the bar and lower until the arms are straight.',
  }),
  bodyRow({
    id: 'doorway-row', name: 'Doorway Row', equipment: 'body_only',
    aliases: ['Door Frame Row'],
    how: 'Hold both sides of a sturdy door frame and lean back with straight arms. Pull the chest toward the frame and lower back slowly.',
  }),
  pullUp({
    id: 'pull-up', name: 'Pull-Up', equipment: 'pullup_bar',
    aliases: ['Pull Up', 'Pullup', 'Wide Grip Pull Up'],
    how: 'Hang from the bar with an overhand grip a little wider than the shoulders. Pull until the chin clears the bar and lower to a full hang.',
  }),
  pullUp({
    id: 'chin-up', name: 'Chin-Up', equipment: 'pullup_bar', secondary: ['biceps', 'middle_back'],
    aliases: ['Chin Up', 'Chinup', 'Underhand Pull Up'],
    how: 'Hang from the bar with palms facing you, hands shoulder-width apart. Pull the chin over the bar and lower to a full hang.',
  }),
  pullUp({
    id: 'machine-assisted-pull-up', name: 'Assisted Pull-Up', equipment: 'machine', level: 'beginner',
    aliases: ['Pull Up (Assisted)', 'Assisted Pull Up (Machine)', 'Chin Up (Assisted)'],
    how: 'Kneel on the assistance pad and take an overhand grip. Pull the chin above the handles and lower slowly.',
  }),
  pullUp({
    id: 'band-assisted-pull-up', name: 'Band-Assisted Pull-Up', equipment: 'pullup_bar', level: 'beginner',
    aliases: ['Pull Up (Band)', 'Band Assisted Pull Up'],
    how: 'Loop a band over the bar and place a knee or foot in it. Pull the chin over the bar and lower to a full hang.',
  }),
  pullUp({
    id: 'negative-pull-up', name: 'Negative Pull-Up', equipment: 'pullup_bar', level: 'beginner',
    aliases: ['Pull Up (Negative)', 'Eccentric Pull Up'],
    how: 'Step up so the chin is above the bar. Lower yourself as slowly as you can to a full hang, then step up again.',
  }),
  pulldown({
    id: 'machine-lat-pulldown', name: 'Machine Lat Pulldown', equipment: 'machine',
    aliases: ['Lat Pulldown (Machine)'],
    how: 'Sit with thighs under the pads and grip the handles overhead. Pull the elbows down to the sides and let the handles rise slowly.',
  }),
  pulldown({
    id: 'cable-lat-pulldown', name: 'Cable Lat Pulldown', equipment: 'cable',
    aliases: ['Lat Pulldown (Cable)', 'Lat Pulldown', 'Lat Pulldown - Wide Grip (Cable)'],
    how: 'Grip the bar a little wider than the shoulders. Pull it to the upper chest while leaning back slightly and return it under control.',
  }),
  pulldown({
    id: 'cable-single-arm-lat-pulldown', name: 'Single-Arm Lat Pulldown', equipment: 'cable',
    aliases: ['Lat Pulldown (Single Arm)', 'One Arm Lat Pulldown'],
    how: 'Take a single handle on the high pulley. Pull the elbow down to the side of the ribs and let the arm reach back up.',
  }),
  pulldown({
    id: 'cable-underhand-lat-pulldown', name: 'Underhand Lat Pulldown', equipment: 'cable',
    aliases: ['Lat Pulldown - Underhand (Cable)', 'Reverse Grip Lat Pulldown'],
    how: 'Grip the bar with palms toward you, shoulder-width apart. Pull it to the upper chest and return slowly.',
  }),
  pulldown({
    id: 'cable-close-grip-lat-pulldown', name: 'Close-Grip Lat Pulldown', equipment: 'cable',
    aliases: ['Lat Pulldown - Close Grip (Cable)', 'V Bar Pulldown'],
    how: 'Attach a close-grip handle to the high pulley. Pull it to the upper chest, keeping the chest up, and return slowly.',
  }),
  pulldown({
    id: 'band-lat-pulldown', name: 'Band Lat Pulldown', equipment: 'bands',
    aliases: ['Lat Pulldown (Band)'],
    how: 'Anchor a band high above you and kneel facing it. Pull the hands down to the shoulders, elbows to the sides, and return slowly.',
  }),
  pulldown({
    id: 'prone-lat-pulldown', name: 'Prone Floor Pulldown', equipment: 'body_only',
    aliases: ['Floor Lat Pulldown', 'Prone Pulldown'], secondary: ['middle_back', 'lower_back'],
    how: 'Lie face down with arms stretched overhead, hovering off the floor. Pull the elbows down to the ribs as if doing a pulldown, squeeze, and reach back out.',
  }),
  pullover({
    id: 'dumbbell-pullover', name: 'Dumbbell Pullover', equipment: 'dumbbell',
    aliases: ['Pullover (Dumbbell)'],
    how: 'Lie across or along a bench holding one dumbbell over the chest with both hands. Lower it behind the head with slightly bent elbows and pull it back over the chest.',
  }),
  pullover({
    id: 'cable-straight-arm-pulldown', name: 'Straight-Arm Pulldown', equipment: 'cable',
    aliases: ['Straight Arm Pulldown (Cable)', 'Straight Arm Lat Pulldown'],
    how: 'Stand facing a high pulley with arms straight. Sweep the bar down to the thighs and let it rise slowly.',
  }),
  pullover({
    id: 'band-straight-arm-pulldown', name: 'Band Straight-Arm Pulldown', equipment: 'bands',
    aliases: ['Straight Arm Pulldown (Band)'],
    how: 'Anchor a band high in front of you. Keep the arms straight and sweep the hands down to the thighs, then return.',
  }),
  rearDelt({
    id: 'machine-reverse-fly', name: 'Machine Reverse Fly', equipment: 'machine',
    aliases: ['Reverse Fly (Machine)', 'Rear Delt Fly (Machine)', 'Reverse Pec Deck'],
    how: 'Sit facing the pad with handles at shoulder height. Sweep the arms back in a wide arc and return slowly.',
  }),
  rearDelt({
    id: 'dumbbell-reverse-fly', name: 'Dumbbell Reverse Fly', equipment: 'dumbbell',
    aliases: ['Reverse Fly (Dumbbell)', 'Bent Over Reverse Fly', 'Rear Delt Raise (Dumbbell)'],
    how: 'Hinge forward with dumbbells hanging below the chest. Raise them out to the sides with soft elbows and lower slowly.',
  }),
  rearDelt({
    id: 'cable-reverse-fly', name: 'Cable Reverse Fly', equipment: 'cable',
    aliases: ['Reverse Fly (Cable)', 'Cable Rear Delt Fly'],
    how: 'Cross two cables at shoulder height and hold the opposite handles. Pull the arms apart and back, then return with control.',
  }),
  rearDelt({
    id: 'cable-face-pull', name: 'Face Pull', equipment: 'cable', group: 'face-pull', mechanic: 'compound',
    aliases: ['Face Pull (Cable)'], secondary: ['traps', 'middle_back', 'biceps'],
    how: 'Set a rope at upper-chest height. Pull it toward the face, separating the hands and turning the knuckles back, then return.',
  }),
  rearDelt({
    id: 'band-face-pull', name: 'Band Face Pull', equipment: 'bands', group: 'face-pull', mechanic: 'compound',
    aliases: ['Face Pull (Band)'], secondary: ['traps', 'middle_back', 'biceps'],
    how: 'Anchor a band at face height. Pull the hands toward the ears with elbows high and return slowly.',
  }),
  rearDelt({
    id: 'band-pull-apart', name: 'Band Pull-Apart', equipment: 'bands',
    aliases: ['Pull Apart (Band)', 'Band Pull Apart'],
    how: 'Hold a band in front of the chest with straight arms. Pull it apart until it touches the chest and return slowly.',
  }),
  rearDelt({
    id: 'prone-y-raise', name: 'Prone Y Raise', equipment: 'body_only',
    aliases: ['Prone Y-T-W Raise', 'Y Raise (Bodyweight)'], secondary: ['traps', 'middle_back'],
    how: 'Lie face down with arms overhead in a Y. Lift the arms off the floor with thumbs up, hold briefly and lower.',
  }),
  shrug({
    id: 'barbell-shrug', name: 'Barbell Shrug', equipment: 'barbell',
    aliases: ['Shrug (Barbell)'],
    how: 'Hold the bar at the thighs with straight arms. Lift the shoulders toward the ears, pause, and lower fully.',
  }),
  shrug({
    id: 'dumbbell-shrug', name: 'Dumbbell Shrug', equipment: 'dumbbell',
    aliases: ['Shrug (Dumbbell)'],
    how: 'Hold dumbbells at your sides. Raise the shoulders straight up, pause, and lower slowly.',
  }),
  shrug({
    id: 'smith-machine-shrug', name: 'Smith Machine Shrug', equipment: 'smith_machine',
    aliases: ['Shrug (Smith Machine)'],
    how: 'Hold the Smith bar at the thighs. Shrug straight up, pause at the top and lower under control.',
  }),
  shrug({
    id: 'kettlebell-shrug', name: 'Kettlebell Shrug', equipment: 'kettlebell',
    aliases: ['Shrug (Kettlebell)'],
    how: 'Hold a kettlebell in each hand at your sides. Lift the shoulders toward the ears and lower fully.',
  }),
];
