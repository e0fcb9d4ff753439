/** Built-in pressing, fly and shoulder-raise exercises (horizontal/vertical push, chest fly, raises). */
import type { Exercise } from '../../types';
import { family } from './define';

const benchPress = family({
  pattern: 'horizontal_push', force: 'push', mechanic: 'compound', group: 'bench-press',
  primary: ['chest'], secondary: ['triceps', 'shoulders'],
});
const inclinePress = family({
  pattern: 'horizontal_push', force: 'push', mechanic: 'compound', group: 'incline-press',
  primary: ['chest'], secondary: ['shoulders', 'triceps'],
});
const pushUp = family({
  pattern: 'horizontal_push', force: 'push', mechanic: 'compound', group: 'push-up',
  primary: ['chest'], secondary: ['triceps', 'shoulders', 'abdominals'],
});
const overheadPress = family({
  pattern: 'vertical_push', force: 'push', mechanic: 'compound', group: 'overhead-press',
  primary: ['shoulders'], secondary: ['triceps'],
});
const chestFly = family({
  pattern: 'chest_fly', force: 'push', mechanic: 'isolation', group: 'chest-fly',
  primary: ['chest'], secondary: ['shoulders'],
});
const raise = family({
  pattern: 'shoulder_raise', force: 'push', mechanic: 'isolation', group: 'lateral-raise',
  primary: ['shoulders'],
});

export const PUSH_EXERCISES: readonly Exercise[] = [
  benchPress({
    id: 'barbell-bench-press', name: 'Barbell Bench Press', equipment: 'barbell',
    aliases: ['Bench Press (Barbell)', 'Bench Press', 'Flat Bench Press'],
    how: 'Lie on the bench with eyes under the bar and feet planted. Lower the bar to mid-chest with control, then press it back up over the shoulders.',
  }),
  benchPress({
    id: 'dumbbell-bench-press', name: 'Dumbbell Bench Press', equipment: 'dumbbell',
    aliases: ['Bench Press (Dumbbell)', 'Flat Dumbbell Press'],
    how: 'Lie on a flat bench with a dumbbell in each hand over the chest. Lower them to the sides of the chest and press them back together.',
  }),
  benchPress({
    id: 'smith-machine-bench-press', name: 'Smith Machine Bench Press', equipment: 'smith_machine',
    aliases: ['Bench Press (Smith Machine)'],
    how: 'Set the bench so the bar meets mid-chest. Unhook, lower to the chest and press back up along the rails.',
  }),
  benchPress({
    id: 'machine-chest-press', name: 'Machine Chest Press', equipment: 'machine',
    aliases: ['Chest Press (Machine)', 'Seated Chest Press'],
    how: 'Set the seat so the handles sit at mid-chest height. Press the handles forward until the arms are nearly straight, then return slowly.',
  }),
  benchPress({
    id: 'cable-chest-press', name: 'Cable Chest Press', equipment: 'cable',
    aliases: ['Chest Press (Cable)', 'Standing Cable Chest Press'],
    how: 'Stand in a split stance between two cables set at chest height. Press both handles forward until they meet, then let them back with control.',
  }),
  benchPress({
    id: 'band-chest-press', name: 'Band Chest Press', equipment: 'bands',
    aliases: ['Chest Press (Band)'],
    how: 'Anchor a band behind you at chest height. Press the handles forward until the arms are straight and return slowly.',
  }),
  benchPress({
    id: 'dumbbell-floor-press', name: 'Dumbbell Floor Press', equipment: 'dumbbell',
    aliases: ['Floor Press (Dumbbell)'],
    how: 'Lie on the floor with knees bent and dumbbells over the chest. Lower until the upper arms touch the floor, then press up.',
  }),
  benchPress({
    id: 'barbell-decline-bench-press', name: 'Barbell Decline Bench Press', equipment: 'barbell',
    aliases: ['Decline Bench Press (Barbell)', 'Decline Bench Press'], level: 'intermediate',
    how: 'Lie on a decline bench with legs secured. Lower the bar to the lower chest and press it back up.',
  }),
  benchPress({
    id: 'barbell-close-grip-bench-press', name: 'Close-Grip Barbell Bench Press', equipment: 'barbell',
    aliases: ['Bench Press - Close Grip (Barbell)', 'Close Grip Bench Press'],
    primary: ['triceps'], secondary: ['chest', 'shoulders'], group: 'close-grip-press', level: 'intermediate',
    how: 'Grip the bar about shoulder-width apart. Keep the elbows close to the body as you lower to the lower chest and press up.',
  }),
  inclinePress({
    id: 'barbell-incline-bench-press', name: 'Barbell Incline Bench Press', equipment: 'barbell',
    aliases: ['Incline Bench Press (Barbell)', 'Incline Bench Press'],
    how: 'Set the bench to about 30 degrees. Lower the bar to the upper chest and press it back up over the shoulders.',
  }),
  inclinePress({
    id: 'dumbbell-incline-bench-press', name: 'Dumbbell Incline Bench Press', equipment: 'dumbbell',
    aliases: ['Incline Bench Press (Dumbbell)', 'Incline Dumbbell Press'],
    how: 'Sit back on a bench inclined to about 30 degrees. Lower the dumbbells beside the upper chest and press them up together.',
  }),
  inclinePress({
    id: 'smith-machine-incline-bench-press', name: 'Smith Machine Incline Bench Press', equipment: 'smith_machine',
    aliases: ['Incline Bench Press (Smith Machine)'],
    how: 'Place an incline bench under the Smith bar so it meets the upper chest. Lower with control and press back up.',
  }),
  inclinePress({
    id: 'machine-incline-chest-press', name: 'Machine Incline Chest Press', equipment: 'machine',
    aliases: ['Incline Chest Press (Machine)'],
    how: 'Sit with the handles level with the upper chest. Press up and forward, then return without letting the stack rest.',
  }),
  pushUp({
    id: 'push-up', name: 'Push-Up', equipment: 'body_only',
    aliases: ['Push Up', 'Pushup', 'Press Up'],
    how: 'Place hands a little wider than the shoulders and keep the body in one straight line. Lower the chest to just above the floor and push back up.',
  }),
  pushUp({
    id: 'knee-push-up', name: 'Knee Push-Up', equipment: 'body_only',
    aliases: ['Push Up (Knees)', 'Kneeling Push Up'],
    how: 'Set up as for a push-up but rest on the knees. Keep hips in line with the shoulders as you lower and press.',
  }),
  pushUp({
    id: 'incline-push-up', name: 'Incline Push-Up', equipment: 'body_only',
    aliases: ['Incline Push Up', 'Push Up (Incline)'],
    how: 'Put your hands on a bench or sturdy ledge. Lower the chest to the edge and press away, keeping the body straight.',
  }),
  pushUp({
    id: 'decline-push-up', name: 'Decline Push-Up', equipment: 'body_only', level: 'intermediate',
    aliases: ['Decline Push Up', 'Feet Elevated Push Up'],
    how: 'Rest the feet on a bench with hands on the floor. Lower the chest toward the floor and press back up.',
  }),
  pushUp({
    id: 'diamond-push-up', name: 'Diamond Push-Up', equipment: 'body_only', level: 'intermediate',
    aliases: ['Diamond Push Up', 'Close Grip Push Up'],
    primary: ['triceps'], secondary: ['chest', 'shoulders'], group: 'close-grip-press',
    how: 'Place hands together under the chest with thumbs and index fingers touching. Lower with elbows close to the ribs and press up.',
  }),
  pushUp({
    id: 'chest-dip', name: 'Chest Dip', equipment: 'other', level: 'intermediate', group: 'dip',
    aliases: ['Dip', 'Dips', 'Parallel Bar Dip'],
    how: 'Support yourself on parallel bars and lean the torso forward. Lower until the shoulders are just below the elbows, then press back up.',
  }),
  overheadPress({
    id: 'barbell-overhead-press', name: 'Barbell Overhead Press', equipment: 'barbell',
    aliases: ['Overhead Press (Barbell)', 'Overhead Press', 'OHP', 'Military Press', 'Standing Barbell Press'],
    how: 'Stand with the bar on the front of the shoulders and glutes tight. Press it straight overhead, moving the head back to clear the bar, and lower to the shoulders.',
  }),
  overheadPress({
    id: 'seated-barbell-overhead-press', name: 'Seated Barbell Overhead Press', equipment: 'barbell',
    aliases: ['Seated Overhead Press (Barbell)'],
    how: 'Sit upright on a bench with back support. Press the bar from the upper chest to straight arms and lower it under control.',
  }),
  overheadPress({
    id: 'dumbbell-overhead-press', name: 'Dumbbell Overhead Press', equipment: 'dumbbell',
    aliases: ['Overhead Press (Dumbbell)', 'Standing Dumbbell Shoulder Press'],
    how: 'Stand with dumbbells at shoulder height and palms forward. Press them overhead until the arms are straight and lower slowly.',
  }),
  overheadPress({
    id: 'seated-dumbbell-overhead-press', name: 'Seated Dumbbell Shoulder Press', equipment: 'dumbbell',
    aliases: ['Seated Overhead Press (Dumbbell)', 'Dumbbell Shoulder Press'],
    how: 'Sit on an upright bench with dumbbells at shoulder height. Press them overhead and lower them back to the shoulders.',
  }),
  overheadPress({
    id: 'smith-machine-overhead-press', name: 'Smith Machine Overhead Press', equipment: 'smith_machine',
    aliases: ['Overhead Press (Smith Machine)', 'Smith Machine Shoulder Press'],
    how: 'Sit or stand under the Smith bar with it at chin height. Press to straight arms and lower to the chin.',
  }),
  overheadPress({
    id: 'machine-shoulder-press', name: 'Machine Shoulder Press', equipment: 'machine',
    aliases: ['Shoulder Press (Machine)', 'Overhead Press (Machine)'],
    how: 'Set the seat so the handles start at shoulder height. Press up until the arms are straight and return slowly.',
  }),
  overheadPress({
    id: 'dumbbell-arnold-press', name: 'Arnold Press', equipment: 'dumbbell', level: 'intermediate',
    aliases: ['Arnold Press (Dumbbell)'],
    how: 'Start with dumbbells in front of the shoulders, palms facing you. Rotate the palms forward as you press overhead, and reverse on the way down.',
  }),
  overheadPress({
    id: 'barbell-push-press', name: 'Push Press', equipment: 'barbell', level: 'intermediate',
    aliases: ['Push Press (Barbell)'], secondary: ['triceps', 'quadriceps', 'glutes'],
    how: 'Dip a few centimetres at the knees and drive up through the legs. Use that drive to press the bar overhead and lower it back to the shoulders.',
  }),
  overheadPress({
    id: 'kettlebell-overhead-press', name: 'Kettlebell Overhead Press', equipment: 'kettlebell',
    aliases: ['Overhead Press (Kettlebell)', 'Kettlebell Press'],
    how: 'Hold the kettlebell in the rack position at the shoulder. Press it overhead with the forearm vertical and lower it back to the rack.',
  }),
  overheadPress({
    id: 'band-overhead-press', name: 'Band Overhead Press', equipment: 'bands',
    aliases: ['Overhead Press (Band)'],
    how: 'Stand on the band and hold the handles at the shoulders. Press overhead to straight arms and lower with control.',
  }),
  overheadPress({
    id: 'landmine-press', name: 'Landmine Press', equipment: 'barbell',
    aliases: ['Landmine Press (Barbell)', 'Single Arm Landmine Press'], secondary: ['chest', 'triceps'],
    how: 'Hold the end of a landmine bar at the shoulder. Press it up and forward until the arm is straight, then lower it back.',
  }),
  overheadPress({
    id: 'pike-push-up', name: 'Pike Push-Up', equipment: 'body_only', level: 'intermediate',
    aliases: ['Pike Push Up'],
    how: 'Start in a push-up with hips raised high so the body forms an inverted V. Bend the elbows to bring the head toward the floor and press back up.',
  }),
  chestFly({
    id: 'machine-chest-fly', name: 'Machine Chest Fly', equipment: 'machine',
    aliases: ['Chest Fly', 'Chest Fly (Machine)', 'Pec Deck', 'Pec Deck (Machine)', 'Butterfly'],
    how: 'Sit with the handles level with the chest and a slight bend in the elbows. Bring the handles together in an arc and open back slowly.',
  }),
  chestFly({
    id: 'dumbbell-chest-fly', name: 'Dumbbell Chest Fly', equipment: 'dumbbell',
    aliases: ['Chest Fly (Dumbbell)', 'Dumbbell Fly', 'Dumbbell Flye'],
    how: 'Lie on a flat bench with dumbbells over the chest and elbows softly bent. Open the arms wide until you feel a stretch, then hug them back together.',
  }),
  chestFly({
    id: 'dumbbell-incline-chest-fly', name: 'Incline Dumbbell Fly', equipment: 'dumbbell',
    aliases: ['Incline Chest Fly (Dumbbell)'],
    how: 'Lie on a bench inclined to about 30 degrees. Open the dumbbells out in a wide arc and bring them back over the upper chest.',
  }),
  chestFly({
    id: 'cable-crossover', name: 'Cable Crossover', equipment: 'cable',
    aliases: ['Chest Fly (Cable)', 'Cable Fly', 'Cable Crossover (Cable)'],
    how: 'Stand between two high pulleys with a slight forward lean. Sweep the handles down and together in front of the hips, then let them return.',
  }),
  chestFly({
    id: 'band-chest-fly', name: 'Band Chest Fly', equipment: 'bands',
    aliases: ['Chest Fly (Band)'],
    how: 'Anchor a band behind you at chest height. Bring the hands together in a wide arc and return slowly.',
  }),
  raise({
    id: 'dumbbell-lateral-raise', name: 'Dumbbell Lateral Raise', equipment: 'dumbbell',
    aliases: ['Lateral Raise (Dumbbell)', 'Side Raise', 'Lateral Raise'],
    how: 'Stand with dumbbells at your sides. Raise them out to shoulder height with a slight elbow bend and lower slowly.',
  }),
  raise({
    id: 'cable-lateral-raise', name: 'Cable Lateral Raise', equipment: 'cable',
    aliases: ['Lateral Raise (Cable)'],
    how: 'Stand side-on to a low pulley and take the handle with the far hand. Raise the arm out to shoulder height and lower under control.',
  }),
  raise({
    id: 'machine-lateral-raise', name: 'Machine Lateral Raise', equipment: 'machine',
    aliases: ['Lateral Raise (Machine)'],
    how: 'Sit with the pads against the outside of the upper arms. Raise the arms to shoulder height and lower slowly.',
  }),
  raise({
    id: 'band-lateral-raise', name: 'Band Lateral Raise', equipment: 'bands',
    aliases: ['Lateral Raise (Band)'],
    how: 'Stand on the middle of the band holding an end in each hand. Raise the arms out to shoulder height and lower slowly.',
  }),
  raise({
    id: 'dumbbell-front-raise', name: 'Dumbbell Front Raise', equipment: 'dumbbell', group: 'front-raise',
    aliases: ['Front Raise (Dumbbell)'],
    how: 'Hold dumbbells in front of the thighs. Raise them forward to shoulder height with straight arms and lower slowly.',
  }),
  raise({
    id: 'cable-front-raise', name: 'Cable Front Raise', equipment: 'cable', group: 'front-raise',
    aliases: ['Front Raise (Cable)'],
    how: 'Face away from a low pulley with the handle between the legs. Raise it forward to shoulder height and lower slowly.',
  }),
  raise({
    id: 'barbell-upright-row', name: 'Barbell Upright Row', equipment: 'barbell', level: 'intermediate',
    aliases: ['Upright Row (Barbell)'], force: 'pull', mechanic: 'compound', group: 'upright-row',
    secondary: ['traps', 'biceps'],
    how: 'Hold the bar at the thighs with hands shoulder-width apart. Pull it up along the body, leading with the elbows, to lower-chest height and lower slowly.',
  }),
];
